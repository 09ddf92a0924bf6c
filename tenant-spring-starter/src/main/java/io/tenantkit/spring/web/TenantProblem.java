package io.tenantkit.spring.web;

import java.net.URI;

/**
 * The problems {@link TenantWebFilter} answers with, each an RFC 9457 problem type with a stable URI
 * under {@value #BASE}.
 */
public enum TenantProblem {

    /** The tenant id is malformed (not {@code [a-z0-9][a-z0-9_-]{0,62}}), or sent more than once: 400. */
    INVALID_TENANT_ID("invalid-tenant-id", "Invalid tenant id"),

    /** No active tenant has this id (inactive tenants count as unknown): 404 by default, or 400. */
    UNKNOWN_TENANT("unknown-tenant", "Unknown tenant"),

    /** The tenant is suspended: 403 by default, or 423. */
    SUSPENDED_TENANT("suspended-tenant", "Tenant suspended"),

    /** The path requires a tenant and the request names none: 400. */
    MISSING_TENANT("missing-tenant", "Tenant required"),

    /** Two sources of the request (header, host, path, principal, ...) name different tenants: 403. */
    TENANT_MISMATCH("tenant-mismatch", "Tenant mismatch"),

    /**
     * The request may not be served under any tenant on a path that requires one, such as an
     * authenticated principal that names no tenant with {@code tenantkit.web.principal.required}: 403.
     */
    TENANT_NOT_ALLOWED("tenant-not-allowed", "Tenant not allowed"),

    /**
     * The raw request path is not normalised (dot segments, {@code //}, {@code ;} path parameters,
     * backslashes or their encoded forms), so the filter and Spring MVC could see different paths: 400.
     */
    NON_NORMALIZED_PATH("non-normalized-path", "Path not normalized");

    /** The base of every problem type URI. */
    public static final String BASE = "https://tenantkit.io/problems/";

    private final URI type;
    private final String title;

    TenantProblem(String slug, String title) {
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    /** The problem type URI, such as {@code https://tenantkit.io/problems/unknown-tenant}. */
    public URI type() {
        return type;
    }

    /** The short, fixed title. */
    public String title() {
        return title;
    }
}
