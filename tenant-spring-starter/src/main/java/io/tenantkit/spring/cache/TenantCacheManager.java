package io.tenantkit.spring.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.tenantkit.cache.TenantCacheBuilder;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * The {@link CacheManager} that makes Spring's caching annotations tenant-isolated: every cache is a
 * {@link TenantSpringCache} (one Caffeine cache per tenant, bounded by the registry's active tenants, dropped when a
 * tenant is suspended or removed) except the shared ones, which are plain {@link CaffeineCache}s for data that belongs
 * to no tenant. The caches named in the specs, and the shared ones, exist from the start (so Boot binds their metrics);
 * any other name gets a cache with the default spec on first use.
 *
 * <p>With a {@link TenantConfigStore}, a tenant's configuration may set its own capacity of a cache, the key
 * {@value #CAPACITY}{@code <cache name>} (a whole number of entries, or of weight with a weigher), overriding the spec's
 * bound for that tenant; a reload resizes the tenant's cache, and a reload with a bad value is refused.
 */
public final class TenantCacheManager implements CacheManager {

    /** The per-tenant configuration key prefix of a tenant's own capacity: {@code tenantkit.cache.capacity.<name>}. */
    public static final String CAPACITY = "tenantkit.cache.capacity.";

    private final TenantRegistry registry;
    private final Map<String, String> specs;
    private final String defaultSpec;
    private final Set<String> shared;
    private final @Nullable TenantConfigStore configuration;
    private final boolean allowNullValues;
    private final ConcurrentHashMap<String, Cache> caches = new ConcurrentHashMap<>();

    /**
     * A manager whose tenant caches are bounded by {@code registry}.
     *
     * @param specs the Caffeine spec of each named cache (a tenant cache's bound is per tenant)
     * @param defaultSpec the Caffeine spec of caches not in {@code specs}
     * @param shared the names of the caches that belong to no tenant
     * @param configuration where tenants' own capacities are read, or null for none
     * @param allowNullValues whether null values are cached (as Spring's {@code NullValue})
     * @throws IllegalArgumentException naming the cache if a spec is invalid
     */
    public TenantCacheManager(TenantRegistry registry, Map<String, String> specs, String defaultSpec, Collection<String> shared,
            @Nullable TenantConfigStore configuration, boolean allowNullValues) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.specs = Map.copyOf(specs);
        this.defaultSpec = Objects.requireNonNull(defaultSpec, "defaultSpec");
        this.shared = Set.copyOf(shared);
        this.configuration = configuration;
        this.allowNullValues = allowNullValues;
        Set<String> names = new LinkedHashSet<>(specs.keySet());
        names.addAll(shared);
        for (String name : names) {
            caches.put(name, create(name));
        }
        if (configuration != null) {
            TenantCapacities capacities = new TenantCapacities(caches);
            capacities.check(configuration.generation(), configuration.generation().snapshot().active().stream()
                    .map(t -> t.id()).toList());
            configuration.addListener(capacities);
        }
    }

    @Override
    public @Nullable Cache getCache(String name) {
        Cache cache = caches.get(name);
        return cache != null ? cache : caches.computeIfAbsent(name, this::create);
    }

    @Override
    public Collection<String> getCacheNames() {
        return Set.copyOf(caches.keySet());
    }

    private Cache create(String name) {
        String spec = specs.getOrDefault(name, defaultSpec);
        if (shared.contains(name)) {
            return new CaffeineCache(name, Caffeine.from(spec).build(), allowNullValues);
        }
        TenantCacheBuilder builder = TenantCacheBuilder.newBuilder(name).spec(spec).registry(registry);
        TenantConfigStore store = configuration;
        if (store != null) {
            String key = CAPACITY + name;
            builder.capacity(tenant -> capacity(store, tenant, key));
        }
        return new TenantSpringCache(builder.build(), allowNullValues);
    }

    private static OptionalLong capacity(TenantConfigStore store, TenantId tenant, String key) {
        return store.generation().value(tenant, key).map(value -> OptionalLong.of(TenantCapacities.parse(value)))
                .orElse(OptionalLong.empty());
    }
}
