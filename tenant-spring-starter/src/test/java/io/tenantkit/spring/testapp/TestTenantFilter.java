package io.tenantkit.spring.testapp;

import java.io.IOException;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in for TenantKit's web filter (built elsewhere): enters the active tenant named by
 * {@code X-Tenant-Id}, or else by the {@code site} query parameter (standing for resolution by host or
 * path); anything else is served without a tenant. Ordered after Spring's observation filter, like the
 * real one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TestTenantFilter extends OncePerRequestFilter {

    private final TenantRegistry registry;

    TestTenantFilter(TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    @SuppressWarnings("try") // the scope is only closed
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("X-Tenant-Id");
        if (header == null) {
            header = request.getParameter("site");
        }
        Tenant tenant = TenantId.isValid(header) ? registry.snapshot().findOrNull(TenantId.of(header)) : null;
        if (tenant == null || !tenant.isActive()) {
            chain.doFilter(request, response);
            return;
        }
        try (TenantScope ignored = TenantContext.enter(tenant)) {
            chain.doFilter(request, response);
        }
    }
}
