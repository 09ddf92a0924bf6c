package io.tenantkit.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One link of the {@link TenantWebFilter}'s chain: finds the tenant id a request names in one place
 * (a header, the host name, the path, the principal, ...). It does not validate the id or look it up;
 * the filter asks every resolver, requires all that name a tenant to name the same, and validates it.
 *
 * <p>Implementations must be thread-safe and cheap: they run on every request.
 */
public interface TenantResolver {

    /**
     * Where this resolver looks, such as {@code header X-Tenant-Id}. Shown in problem responses, so
     * it must be fixed text from configuration, never request data.
     */
    String source();

    /**
     * What {@code request} says about its tenant: nothing, a raw candidate id, an invalid value, or that
     * it may not be served under any tenant.
     */
    TenantResolution resolve(HttpServletRequest request);

    /**
     * Whether this resolver reads a place that names a tenant only sometimes, such as the first path
     * segment. On an optional path, a tentative resolver's candidate counts only if the registry knows
     * it as an active or suspended tenant; anything else is taken as no answer, so {@code /public/help}
     * names no tenant {@code public}, and the rest of the chain is asked.
     */
    default boolean tentative() {
        return false;
    }
}
