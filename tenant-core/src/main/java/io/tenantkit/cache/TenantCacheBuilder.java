package io.tenantkit.cache;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.tenantkit.tenant.SafeText;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TenantCache}: the Caffeine settings every tenant's cache is built with (a bound such as
 * {@code maximumSize} is per tenant), optionally a capacity per tenant and the registry that bounds which tenants may
 * have a cache.
 *
 * <pre>{@code
 * TenantCache<String, Product> products = TenantCacheBuilder.newBuilder("products")
 *         .spec("maximumSize=1000,expireAfterWrite=10m,recordStats")
 *         .registry(registry)
 *         .build();
 * }</pre>
 *
 * <p>Every method checks its argument and names the cache and the bad value. A builder may build several caches.
 */
public final class TenantCacheBuilder {

    private final String name;
    private Caffeine<Object, Object> settings = Caffeine.newBuilder();
    private @Nullable Function<TenantId, OptionalLong> capacity;
    private @Nullable TenantRegistry registry;

    private TenantCacheBuilder(String name) {
        this.name = name;
    }

    /**
     * A builder of the cache {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static TenantCacheBuilder newBuilder(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A tenant cache needs a name (used in errors and metrics); got "
                    + SafeText.quote(name) + ".");
        }
        return new TenantCacheBuilder(name);
    }

    /**
     * The settings of each tenant's cache in Caffeine's spec syntax, such as
     * {@code maximumSize=1000,expireAfterWrite=10m,recordStats}; the bound is per tenant.
     *
     * @throws IllegalArgumentException naming the cache if the spec is not valid Caffeine spec syntax
     */
    public TenantCacheBuilder spec(String spec) {
        Objects.requireNonNull(spec, "spec");
        try {
            return caffeine(Caffeine.from(spec));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Tenant cache '" + name + "' has an invalid Caffeine spec " + SafeText.quote(spec)
                    + ": " + e.getMessage() + ". Write it as comma-separated settings, such as "
                    + "maximumSize=1000,expireAfterWrite=10m,recordStats.", e);
        }
    }

    /**
     * The settings of each tenant's cache as a Caffeine builder (for an executor, a ticker or a weigher); it is used
     * to build every tenant's cache, so its bound is per tenant. Replaces a {@link #spec}.
     */
    public TenantCacheBuilder caffeine(Caffeine<Object, Object> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Each tenant's own maximum (entries, or weight when the settings have a weigher), read when the tenant's cache
     * is created and again on {@link TenantCache#capacityChanged}; an empty answer keeps the settings' bound. The
     * settings must have a bound ({@code maximumSize} or {@code maximumWeight}) for a tenant's answer to apply.
     */
    public TenantCacheBuilder capacity(Function<TenantId, OptionalLong> capacity) {
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        return this;
    }

    /**
     * Bounds the cache by {@code registry}: only tenants it declares as active get a cache (any other tenant is an
     * error naming the cache), and a tenant's cache is dropped, with all its entries, when the registry removes the
     * tenant or it stops being active. The registry keeps the cache reachable as one of its listeners.
     */
    public TenantCacheBuilder registry(TenantRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /**
     * Builds a cache whose values are computed by the callers ({@link TenantCache#get(Object, TenantLoader)},
     * {@link TenantCache#put}).
     *
     * @throws IllegalArgumentException naming the cache if the settings need a loader ({@code refreshAfterWrite})
     */
    public <K, V> TenantCache<K, V> build() {
        return create(null);
    }

    /** Builds a cache that computes, and refreshes, values with {@code loader}, always for the entry's tenant. */
    public <K, V> TenantLoadingCache<K, V> build(TenantLoader<? super K, ? extends V> loader) {
        return create(Objects.requireNonNull(loader, "loader"));
    }

    private <K, V> CaffeineTenantCache<K, V> create(@Nullable TenantLoader<? super K, ? extends V> loader) {
        CaffeineTenantCache<K, V> cache = new CaffeineTenantCache<>(name, settings, loader, capacity, registry);
        cache.check();
        if (registry != null) {
            registry.addListener(cache.registryListener());
        }
        return cache;
    }
}
