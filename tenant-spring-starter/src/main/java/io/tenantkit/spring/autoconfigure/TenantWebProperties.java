package io.tenantkit.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web entry ({@code io.tenantkit.spring.web.TenantWebFilter}) in a Spring MVC app.
 *
 * @param enabled whether the tenant filter is registered
 * @param resolvers the resolver chain, in the order asked; the first answer wins, and the principal's
 *        tenant, when it has one, must agree with every other source
 * @param header the request header resolver
 * @param host the host name resolver
 * @param principal the authenticated principal resolver (used only with Spring Security)
 * @param query the query parameter resolver (add {@code query} to {@code resolvers} to use it)
 * @param excludedPaths path patterns passed through without tenant resolution (actuator, static
 *        resources); they get no tenant even if the request names one
 * @param optionalPaths path patterns where a tenant is resolved if named but not required; every
 *        other path requires one
 * @param unknownTenantStatus status for an unknown or inactive tenant: 404 or 400
 * @param suspendedTenantStatus status for a suspended tenant: 403 or 423
 * @param responseHeader the response header echoing the resolved tenant
 * @param filterOrder order of the tenant filter; the default runs right after Spring Security's filter
 *        chain (-100), which principal resolution needs
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
     * @param name the header carrying the tenant id
     * @param trustedCallers address ranges (CIDR, such as {@code 10.0.0.0/8} or {@code ::1/128}) of the
     *        callers whose header is believed, for internal services calling each other; the header of
     *        any other caller is ignored. Empty (the default): every caller's header is believed, so put
     *        the app behind a gateway that sets or strips it
     */
    public record Header(@DefaultValue("X-Tenant-Id") String name, @DefaultValue List<String> trustedCallers) {
    }

    /**
     * The host name resolver: explicit hosts first, then subdomains of the base domains.
     *
     * @param hosts host names per tenant id, such as {@code jp: [shop.example.jp]}
     * @param baseDomains domains whose subdomain names the tenant: with {@code shop.example},
     *        {@code jp.shop.example} is tenant {@code jp}
     */
    public record Host(@DefaultValue Map<String, List<String>> hosts, @DefaultValue List<String> baseDomains) {
    }

    /**
     * The authenticated principal resolver.
     *
     * @param authorityPrefix prefix of the granted authority naming the principal's tenant, such as
     *        {@code TENANT_} for {@code TENANT_jp}
     * @param claim the JWT claim (or OAuth2 user attribute) naming the principal's tenant; empty to
     *        ignore claims
     */
    public record Principal(@DefaultValue("TENANT_") String authorityPrefix, @DefaultValue("tenant") String claim) {
    }

    /**
     * The query parameter resolver.
     *
     * @param parameter the query parameter carrying the tenant id
     */
    public record Query(@DefaultValue("tenant") String parameter) {
    }

    /**
     * The response header echoing the resolved tenant.
     *
     * @param enabled whether it is sent
     * @param name its name; the request header's name when not set
     */
    public record ResponseHeader(@DefaultValue("true") boolean enabled, @Nullable String name) {
    }
}
