package io.tenantkit.spring.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The built-in {@link TenantResolver resolvers}. The principal resolver is {@link PrincipalTenantResolver}. */
public final class TenantResolvers {

    private TenantResolvers() {
    }

    /** Reads the id from the request header {@code headerName}, such as {@code X-Tenant-Id}. */
    public static TenantResolver header(String headerName) {
        return new HeaderTenantResolver(headerName);
    }

    /**
     * Believes {@code resolver} only for callers whose remote address lies in one of
     * {@code trustedCallers} (literal CIDR ranges such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare
     * address is one host); for any other caller it answers nothing, so a client cannot pick a tenant
     * by forging, say, the header. Empty: {@code resolver} itself, believed from every caller.
     *
     * @throws IllegalArgumentException naming the first entry that is not a literal address or range
     */
    public static TenantResolver fromTrustedCallers(TenantResolver resolver, List<String> trustedCallers) {
        Objects.requireNonNull(resolver, "resolver");
        return trustedCallers.isEmpty() ? resolver : new TrustedCallerResolver(resolver, TrustedCallers.of(trustedCallers));
    }

    /**
     * Maps the host name to a tenant: {@code tenantByHost} first (host name, lower case, to tenant id),
     * then the first label of a subdomain of one of {@code baseDomains} ({@code jp.shop.example → jp}
     * for base domain {@code shop.example}).
     */
    public static TenantResolver host(Map<String, String> tenantByHost, List<String> baseDomains) {
        return new HostTenantResolver(tenantByHost, baseDomains);
    }

    /** Reads the id from the first path segment ({@code /jp/...}). */
    public static TenantResolver pathPrefix() {
        return new PathPrefixTenantResolver();
    }

    /** Reads the id from the query parameter {@code parameter} (query string only). */
    public static TenantResolver queryParameter(String parameter) {
        return new QueryParameterTenantResolver(parameter);
    }
}
