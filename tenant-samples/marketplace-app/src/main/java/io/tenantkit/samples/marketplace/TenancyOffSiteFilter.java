package io.tenantkit.samples.marketplace;

import java.io.IOException;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The HTTP benchmark's baseline, profile {@code tenancy-off} only: TenantKit's web entry and request
 * tagging are switched off ({@code application-tenancy-off.yml}) and every request is served as the one
 * site named by {@code marketplace.pinned-site}, entered by this plain filter without resolving,
 * validating or answering anything: what a single-country deployment of the same app does. A plain
 * servlet {@code Filter}, like the web entry, so that neither side pays for Spring's
 * {@code OncePerRequestFilter} bookkeeping. {@code tenant-benchmarks/http/run-wrk.sh} measures the real
 * entry against it.
 */
@Component
@Profile("tenancy-off")
final class TenancyOffSiteFilter implements Filter {

    private final Tenant site;

    TenancyOffSiteFilter(TenantRegistry tenants, @Value("${marketplace.pinned-site}") String site) {
        this.site = tenants.require(TenantId.of(site));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try (TenantScope scope = TenantContext.enter(site)) {
            chain.doFilter(request, response);
        }
    }
}
