package io.tenantkit.spring.ops;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds the operations page's security headers to every response under its path (the filter is registered for
 * that path only): a Content-Security-Policy that lets the page load nothing but its own script and style sheet
 * and talk to nothing but its own origin, with no inline script, no framing and no form posts elsewhere; no
 * MIME sniffing, no referrer, no caching.
 */
public final class TenantOpsPageHeaders extends OncePerRequestFilter {

    /** The page's Content-Security-Policy. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The filter; it has no state. */
    public TenantOpsPageHeaders() {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
