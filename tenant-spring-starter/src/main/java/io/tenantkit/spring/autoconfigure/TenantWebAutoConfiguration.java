package io.tenantkit.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;

import io.tenantkit.spring.web.PrincipalTenantResolver;
import io.tenantkit.spring.web.TenantEntryPolicy;
import io.tenantkit.spring.web.TenantResolver;
import io.tenantkit.spring.web.TenantResolvers;
import io.tenantkit.spring.web.TenantWebFilter;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The unified traffic entry for Spring MVC: registers {@link TenantWebFilter} with the resolver chain
 * from {@code tenantkit.web.*}. Needs a servlet web application and a {@link TenantRegistry}; off with
 * {@code tenantkit.web.enabled=false}; backs off when the application registers its own
 * {@code TenantWebFilter}. The principal resolver is added only when Spring Security is present.
 * Spring Boot's error path ({@code spring.web.error.path}) is given to the filter, which answers a
 * request sent to it directly with 404 instead of letting Boot's error controller answer 500. Startup
 * fails when trusted callers are set while {@code server.forward-headers-strategy=framework} lets clients
 * write their own address, unless {@code tenantkit.web.header.proxy-overwrites-forwarded-for} says the
 * proxy replaces it.
 */
@AutoConfiguration(after = TenantAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(TenantWebFilter.class)
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.web.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantWebProperties.class)
public final class TenantWebAutoConfiguration {

    /**
     * The name of the bean resolving the authenticated principal's tenant. Define a
     * {@code TenantResolver} bean with this name to read it from elsewhere (a token claim).
     */
    public static final String PRINCIPAL_RESOLVER_BEAN = "principalTenantResolver";

    private static final String PREFIX = "tenantkit.web";

    private static final String FORWARD_HEADERS_STRATEGY = "server.forward-headers-strategy";

    /** Where Spring Boot's error controller is mapped, resolved as it resolves it. */
    private static final String ERROR_PATH = "${spring.web.error.path:${error.path:/error}}";

    TenantWebAutoConfiguration() {
    }

    /** Registers the tenant filter for every dispatch type. */
    @Bean
    @ConditionalOnMissingFilterBean(TenantWebFilter.class)
    FilterRegistrationBean<TenantWebFilter> tenantWebFilter(TenantRegistry registry, TenantWebProperties properties,
            @Qualifier(PRINCIPAL_RESOLVER_BEAN) ObjectProvider<TenantResolver> principal, Environment environment) {
        requireTrustworthyCallerAddress(properties.header(), environment.getProperty(FORWARD_HEADERS_STRATEGY, ""));
        TenantWebFilter filter = new TenantWebFilter(registry, chain(properties, principal.getIfAvailable()),
                policy(properties, environment.resolvePlaceholders(ERROR_PATH)));
        FilterRegistrationBean<TenantWebFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("tenantWebFilter");
        registration.setOrder(properties.filterOrder());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
                DispatcherType.FORWARD, DispatcherType.INCLUDE);
        return registration;
    }

    /**
     * Trusted callers are matched against the remote address, which Spring's forwarded-header handling
     * ({@code framework}) takes from the leftmost {@code X-Forwarded-For} value: client text, unless the
     * proxy replaces the header. Refuses that combination unless the application declares its proxy does.
     */
    private static void requireTrustworthyCallerAddress(TenantWebProperties.Header header, String forwardHeadersStrategy) {
        if (!header.trustedCallers().isEmpty() && forwardHeadersStrategy.trim().equalsIgnoreCase("framework")
                && !header.proxyOverwritesForwardedFor()) {
            throw new UntrustworthyCallerAddressException(header.trustedCallers());
        }
    }

    static List<TenantResolver> chain(TenantWebProperties properties, @Nullable TenantResolver principal) {
        List<TenantResolver> chain = new ArrayList<>();
        List<TenantWebProperties.Resolver> seen = new ArrayList<>();
        for (TenantWebProperties.Resolver kind : properties.resolvers()) {
            if (seen.contains(kind)) {
                throw new InvalidTenantPropertyException(PREFIX + ".resolvers", "resolver '" + kind.name().toLowerCase(Locale.ROOT)
                        + "' is listed twice in " + properties.resolvers(), "List each resolver once, in the order they are asked.");
            }
            seen.add(kind);
            switch (kind) {
                case HEADER -> {
                    TenantWebProperties.Header header = properties.header();
                    TenantResolver resolver = valid(PREFIX + ".header.name", () -> TenantResolvers.header(header.name()));
                    chain.add(valid(PREFIX + ".header.trusted-callers",
                            () -> TenantResolvers.fromTrustedCallers(resolver, header.trustedCallers())));
                }
                case HOST -> {
                    TenantWebProperties.Host host = properties.host();
                    if (!host.hosts().isEmpty() || !host.baseDomains().isEmpty()) {
                        chain.add(TenantResolvers.host(hostMap(host), host.baseDomains()));
                    }
                }
                case PATH -> chain.add(TenantResolvers.pathPrefix());
                case QUERY -> chain.add(valid(PREFIX + ".query.parameter", () -> TenantResolvers.queryParameter(properties.query().parameter())));
                case PRINCIPAL -> {
                    if (principal != null) {
                        chain.add(properties.principal().required() ? requiringTenant(principal) : principal);
                    }
                }
            }
        }
        if (chain.isEmpty()) {
            throw new InvalidTenantPropertyException(PREFIX + ".resolvers", "no usable resolver in " + properties.resolvers()
                    + " (host needs " + PREFIX + ".host.*, principal needs Spring Security)",
                    "List at least one resolver, such as header; or set " + PREFIX + ".enabled=false.");
        }
        return chain;
    }

    private static TenantResolver requiringTenant(TenantResolver principal) {
        if (principal instanceof PrincipalTenantResolver standard) {
            return standard.requiringTenant();
        }
        throw new InvalidTenantPropertyException(PREFIX + ".principal.required", "the principal resolver bean '"
                + PRINCIPAL_RESOLVER_BEAN + "' is a " + principal.getClass().getName() + ", which cannot tell an authenticated "
                + "principal without a tenant", "Define it as a PrincipalTenantResolver (new PrincipalTenantResolver(extractor)), "
                + "or have your resolver answer TenantResolution.refused(...) itself and leave " + PREFIX + ".principal.required unset.");
    }

    static TenantEntryPolicy policy(TenantWebProperties properties, String errorPath) {
        String responseHeader = null;
        if (properties.responseHeader().enabled()) {
            String name = properties.responseHeader().name();
            responseHeader = name == null ? properties.header().name() : name;
        }
        TenantEntryPolicy.Builder policy = TenantEntryPolicy.builder().excludedPaths(properties.excludedPaths())
                .optionalPaths(properties.optionalPaths()).unknownTenantStatus(properties.unknownTenantStatus())
                .suspendedTenantStatus(properties.suspendedTenantStatus()).suspendedAsUnknown(properties.suspendedAsUnknown())
                .responseHeader(responseHeader).errorPath(errorPath);
        return valid(PREFIX, policy::build);
    }

    private static Map<String, String> hostMap(TenantWebProperties.Host host) {
        Map<String, String> tenantByHost = new LinkedHashMap<>();
        host.hosts().forEach((tenant, names) -> {
            String property = PREFIX + ".host.hosts." + tenant;
            if (!TenantId.isValid(tenant)) {
                throw new InvalidTenantPropertyException(property, "the key is not a valid tenant id",
                        "Use tenant ids as keys: lower-case letters, digits, '_' and '-'.");
            }
            for (String name : names) {
                String previous = tenantByHost.put(name.toLowerCase(Locale.ROOT), tenant);
                if (previous != null && !previous.equals(tenant)) {
                    throw new InvalidTenantPropertyException(property, "host '" + name + "' is also mapped to tenant '" + previous + "'",
                            "Map each host name to one tenant.");
                }
            }
        });
        return tenantByHost;
    }

    private static <T> T valid(String property, Supplier<T> factory) {
        return InvalidTenantPropertyException.ifValid(property, "Fix the value of " + property + ".", factory);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SecurityContextHolder.class)
    static class PrincipalResolverConfiguration {

        /** Resolves the authenticated principal's tenant from its {@code TENANT_<id>} authority or {@code tenant} claim. */
        @Bean(PRINCIPAL_RESOLVER_BEAN)
        @ConditionalOnMissingBean(name = PRINCIPAL_RESOLVER_BEAN)
        PrincipalTenantResolver principalTenantResolver(TenantWebProperties properties) {
            return valid(PREFIX + ".principal.authority-prefix",
                    () -> PrincipalTenantResolver.of(properties.principal().authorityPrefix(), properties.principal().claim()));
        }
    }
}
