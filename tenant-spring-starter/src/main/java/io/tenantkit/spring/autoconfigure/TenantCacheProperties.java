package io.tenantkit.spring.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenant caches: Spring's caching annotations made tenant-isolated over Caffeine.
 *
 * @param enabled Whether the application's caches (with @EnableCaching) are tenant caches kept apart per tenant.
 * @param spec The Caffeine spec of every cache not named in specs; its bound is per tenant.
 * @param specs The Caffeine spec of each cache by name, such as maximumSize=1000,expireAfterWrite=10m,recordStats; the bound is per tenant.
 * @param shared The names of the caches whose data belongs to no tenant (currency tables, country lists): plain Caffeine caches.
 * @param allowNullValues Whether null values are cached.
 * @param tenantMetrics Whether each tenant cache also has meters per tenant, tagged tenant, for the registry's active tenants.
 */
@ConfigurationProperties("tenantkit.cache")
public record TenantCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("maximumSize=1000") String spec,
        Map<String, String> specs, List<String> shared, @DefaultValue("true") boolean allowNullValues,
        @DefaultValue("true") boolean tenantMetrics) {

    /** Replaces absent specs and shared names with none, keeping the order of the specs. */
    public TenantCacheProperties {
        specs = specs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(specs));
        shared = shared == null ? List.of() : List.copyOf(shared);
    }
}
