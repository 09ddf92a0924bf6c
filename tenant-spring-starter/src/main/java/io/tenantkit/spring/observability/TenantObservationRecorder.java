package io.tenantkit.spring.observability;

import java.io.IOException;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers, on the request, the tenant the request is served under, so that {@link
 * TenantObservationFilter} can tag the request's observation when it stops, after the tenant scope
 * (opened by the tenant web filter, inside the observation filter) has already closed. Ordered last
 * among the servlet filters, so it sees the tenant the web filter resolved.
 */
public final class TenantObservationRecorder extends OncePerRequestFilter implements Ordered {

    /** The request attribute holding the {@link Tenant} the request was served under. */
    static final String TENANT_ATTRIBUTE = TenantObservationRecorder.class.getName() + ".tenant";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant != null) {
            request.setAttribute(TENANT_ATTRIBUTE, tenant);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
