package io.tenantkit.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/** Believes another resolver only for trusted callers; for any other caller it answers nothing. */
final class TrustedCallerResolver implements TenantResolver {

    private final TenantResolver resolver;
    private final TrustedCallers callers;

    TrustedCallerResolver(TenantResolver resolver, TrustedCallers callers) {
        this.resolver = resolver;
        this.callers = callers;
    }

    /** The resolver believed for trusted callers. */
    TenantResolver resolver() {
        return resolver;
    }

    @Override
    public String source() {
        return resolver.source();
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        return callers.trusts(request.getRemoteAddr()) ? resolver.resolve(request) : TenantResolution.none();
    }

    @Override
    public boolean tentative() {
        return resolver.tentative();
    }

    @Override
    public String toString() {
        return source() + " from " + callers;
    }
}
