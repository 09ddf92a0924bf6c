package io.tenantkit.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web entry ({@code io.tenantkit.spring.web.TenantWebFilter}) in a Spring MVC app.
 *
 * @param enabled Whether to register the tenant web filter.
 * @param resolvers Resolvers asked for the request's tenant, in order. Every source that names a
 *        tenant must name the same one.
 * @param header The request header resolver.
 * @param host The host name resolver.
 * @param principal The authenticated principal resolver, used only with Spring Security.
 * @param query The query parameter resolver, used when 'query' is among the resolvers.
 * @param excludedPaths Path patterns passed through without tenant resolution, such as actuator and
 *        static resources. They get no tenant even if the request names one. Setting it replaces the
 *        default list.
 * @param optionalPaths Path patterns where a tenant is resolved if the request names one, but not
 *        required. Every other path requires one.
 * @param unknownTenantStatus Status for an unknown or inactive tenant: 404 or 400.
 * @param suspendedTenantStatus Status for a suspended tenant: 403 or 423.
 * @param suspendedAsUnknown Whether to answer a request for a suspended tenant exactly as one for an
 *        unknown tenant (same status, same problem), so that clients cannot probe which tenant ids
 *        exist.
 * @param responseHeader The response header echoing the resolved tenant.
 * @param filterOrder Order of the tenant web filter. The default runs right after Spring Security's
 *        filter chain (-100), which principal resolution needs.
 */
@ConfigurationProperties("tenantkit.web")
public record TenantWebProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"header", "host", "principal"}) List<Resolver> resolvers,
        @DefaultValue Header header,
        @DefaultValue Host host,
        @DefaultValue Principal principal,
        @DefaultValue Query query,
        @DefaultValue({"/actuator/**", "/favicon.ico", "/webjars/**", "/css/**", "/js/**", "/images/**"}) List<String> excludedPaths,
        @DefaultValue List<String> optionalPaths,
        @DefaultValue("404") int unknownTenantStatus,
        @DefaultValue("403") int suspendedTenantStatus,
        @DefaultValue("false") boolean suspendedAsUnknown,
        @DefaultValue ResponseHeader responseHeader,
        @DefaultValue("-90") int filterOrder) {

    /** The built-in resolvers. */
    public enum Resolver {
        /** The request header {@code tenantkit.web.header.name}. */
        HEADER,
        /** The host name: {@code tenantkit.web.host.hosts} and {@code tenantkit.web.host.base-domains}. */
        HOST,
        /** The first path segment ({@code /jp/...}); the path is not rewritten. */
        PATH,
        /** The authenticated principal (Spring Security). */
        PRINCIPAL,
        /** The query parameter {@code tenantkit.web.query.parameter}. */
        QUERY
    }

    /**
     * The request header resolver.
     *
     * @param name Name of the request header carrying the tenant id.
     * @param trustedCallers Address ranges, in CIDR notation such as 10.0.0.0/8 or ::1/128 (a bare
     *        address is one host), of the callers whose tenant header is believed. The header of any
     *        other caller is ignored. When empty, every caller's header is believed, so put the
     *        application behind a gateway that sets or strips it.
     * @param proxyOverwritesForwardedFor Whether the proxy in front of the application replaces
     *        X-Forwarded-For with the address of the client it saw (never appends to what the client
     *        sent). Required to use trusted callers with server.forward-headers-strategy=framework,
     *        which takes the caller's address from that header.
     */
    public record Header(@DefaultValue("X-Tenant-Id") String name, @DefaultValue List<String> trustedCallers,
            @DefaultValue("false") boolean proxyOverwritesForwardedFor) {
    }

    /**
     * The host name resolver: explicit hosts first, then subdomains of the base domains.
     *
     * @param hosts Host names per tenant id, such as shop.example.jp for jp.
     * @param baseDomains Domains whose subdomain names the tenant: with shop.example,
     *        jp.shop.example is tenant jp.
     */
    public record Host(@DefaultValue Map<String, List<String>> hosts, @DefaultValue List<String> baseDomains) {
    }

    /**
     * The authenticated principal resolver.
     *
     * @param authorityPrefix Prefix of the granted authority naming the principal's tenant, such as
     *        TENANT_ for TENANT_jp.
     * @param claim JWT claim or OAuth2 user attribute naming the principal's tenant. Empty to ignore
     *        claims.
     * @param required Whether an authenticated principal must name a tenant: when true, such a
     *        request whose principal names none is refused with 403 on paths that require a tenant,
     *        instead of choosing one by header or host. For applications whose users each belong to
     *        one tenant (B2B).
     */
    public record Principal(@DefaultValue("TENANT_") String authorityPrefix, @DefaultValue("tenant") String claim,
            @DefaultValue("false") boolean required) {
    }

    /**
     * The query parameter resolver.
     *
     * @param parameter Name of the query parameter carrying the tenant id.
     */
    public record Query(@DefaultValue("tenant") String parameter) {
    }

    /**
     * The response header echoing the resolved tenant.
     *
     * @param enabled Whether to echo the resolved tenant id in a response header.
     * @param name Name of the response header. The request header's name when not set.
     */
    public record ResponseHeader(@DefaultValue("true") boolean enabled, @Nullable String name) {
    }
}
