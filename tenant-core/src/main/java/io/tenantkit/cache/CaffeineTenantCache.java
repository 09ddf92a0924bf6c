package io.tenantkit.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * A Caffeine cache per tenant, in a concurrent map by tenant id; a tenant's cache is created on its first use. With a
 * registry, the current tenant's cache is also kept in an array indexed by the tenant's index in the registry's
 * snapshot (rebuilt on every snapshot change), so that a hit costs the current-tenant read, a reference check, an array
 * read and Caffeine's own lookup, as an extension call does; a tenant from another snapshot, or a named tenant, takes
 * the map.
 */
final class CaffeineTenantCache<K, V> implements TenantLoadingCache<K, V> {

    private final String name;
    private final Caffeine<Object, Object> settings;
    private final @Nullable TenantLoader<? super K, ? extends V> loader;
    private final @Nullable Function<TenantId, OptionalLong> capacity;
    private final @Nullable TenantRegistry registry;
    private final ConcurrentHashMap<TenantId, Cache<K, V>> caches = new ConcurrentHashMap<>();
    /** The statistics of the caches dropped so far, so that totals never decrease. */
    private final AtomicReference<CacheStats> dropped = new AtomicReference<>(CacheStats.empty());
    /**
     * The registry's current snapshot at [0] and the cache of its tenant at index i at [i + 1], filled on first
     * use; null without a registry. One volatile read and two array reads find the current tenant's cache, the
     * layout extension dispatch uses ({@code ExtensionHandle}).
     */
    private volatile @Nullable Object @Nullable [] dispatch;

    /** Reads and fills the slots of {@link #dispatch} with acquire and release semantics. */
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

    CaffeineTenantCache(String name, Caffeine<Object, Object> settings, @Nullable TenantLoader<? super K, ? extends V> loader,
            @Nullable Function<TenantId, OptionalLong> capacity, @Nullable TenantRegistry registry) {
        this.name = name;
        this.settings = settings;
        this.loader = loader;
        this.capacity = capacity;
        this.registry = registry;
        this.dispatch = registry == null ? null : dispatchFor(registry.snapshot());
    }

    /** Builds one cache with the settings, so that settings Caffeine rejects fail when the cache is built. */
    void check() {
        try {
            newCache(TenantId.of("check"));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("Tenant cache '" + name + "' cannot be built with its settings: " + e.getMessage()
                    + (loader == null ? ". refreshAfterWrite needs a loader: build it with build(TenantLoader)." : "."), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public @Nullable V getIfPresent(K key) {
        return cacheOf(currentTenant()).getIfPresent(key);
    }

    @Override
    public @Nullable V getIfPresent(TenantId tenant, K key) {
        return cacheOf(tenant).getIfPresent(key);
    }

    @Override
    public @Nullable V get(K key, TenantLoader<? super K, ? extends V> loader) {
        Objects.requireNonNull(loader, "loader");
        Tenant tenant = currentTenant();
        TenantId id = tenant.id();
        return cacheOf(tenant).get(key, k -> load(loader, id, k));
    }

    @Override
    public @Nullable V get(TenantId tenant, K key, TenantLoader<? super K, ? extends V> loader) {
        Objects.requireNonNull(loader, "loader");
        return cacheOf(tenant).get(key, k -> load(loader, tenant, k));
    }

    @Override
    public @Nullable V get(K key) {
        return load(cacheOf(currentTenant()), key);
    }

    @Override
    public @Nullable V get(TenantId tenant, K key) {
        return load(cacheOf(tenant), key);
    }

    private @Nullable V load(Cache<K, V> cache, K key) {
        if (cache instanceof LoadingCache<K, V> loading) {
            return loading.get(key);
        }
        throw new UnsupportedOperationException("Tenant cache '" + name + "' has no loader: pass one to get(key, loader), "
                + "or build the cache with TenantCacheBuilder.build(TenantLoader).");
    }

    @Override
    public void refresh(TenantId tenant, K key) {
        if (cacheOf(tenant) instanceof LoadingCache<K, V> loading) {
            loading.refresh(key);
        } else {
            throw new UnsupportedOperationException("Tenant cache '" + name + "' has no loader to refresh with: "
                    + "build it with TenantCacheBuilder.build(TenantLoader).");
        }
    }

    @Override
    public void put(K key, V value) {
        cacheOf(currentTenant()).put(key, value);
    }

    @Override
    public void put(TenantId tenant, K key, V value) {
        cacheOf(tenant).put(key, value);
    }

    @Override
    public void invalidate(K key) {
        cacheOf(currentTenant()).invalidate(key);
    }

    @Override
    public void invalidate(TenantId tenant, K key) {
        Cache<K, V> cache = caches.get(tenant);
        if (cache != null) {
            cache.invalidate(key);
        }
    }

    @Override
    public void invalidateTenant(TenantId tenant) {
        Cache<K, V> cache = caches.get(tenant);
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    @Override
    public void invalidateAll() {
        caches.values().forEach(Cache::invalidateAll);
    }

    @Override
    public Set<TenantId> tenants() {
        return Set.copyOf(caches.keySet());
    }

    @Override
    public long estimatedSize(TenantId tenant) {
        Cache<K, V> cache = caches.get(tenant);
        return cache == null ? 0 : cache.estimatedSize();
    }

    @Override
    public long estimatedSize() {
        long size = 0;
        for (Cache<K, V> cache : caches.values()) {
            size += cache.estimatedSize();
        }
        return size;
    }

    @Override
    public CacheStats stats(TenantId tenant) {
        Cache<K, V> cache = caches.get(tenant);
        return cache == null ? CacheStats.empty() : cache.stats();
    }

    @Override
    public CacheStats stats() {
        CacheStats total = dropped.get();
        for (Cache<K, V> cache : caches.values()) {
            total = total.plus(cache.stats());
        }
        return total;
    }

    @Override
    public void capacityChanged(TenantId tenant) {
        Cache<K, V> cache = caches.get(tenant);
        if (cache != null) {
            applyCapacity(tenant, cache);
        }
    }

    /** Drops {@code tenant}'s cache with its entries, keeping its statistics in the totals. */
    void drop(TenantId tenant) {
        Cache<K, V> cache = caches.remove(tenant);
        if (cache != null) {
            cache.invalidateAll();
            dropped.accumulateAndGet(cache.stats(), CacheStats::plus);
        }
    }

    /** The listener that drops the caches of tenants a registry change removed or made inactive. */
    TenantRegistryListener registryListener() {
        return (previous, current) -> {
            for (TenantId tenant : caches.keySet()) {
                Tenant now = current.findOrNull(tenant);
                if (now == null || !now.isActive()) {
                    drop(tenant);
                }
            }
            // After the drops: slots filled meanwhile belong to the old snapshot, which no current tenant indexes.
            dispatch = dispatchFor(current);
        };
    }

    @Override
    public String toString() {
        return "TenantCache[" + name + ", " + caches.size() + " tenants]";
    }

    private Tenant currentTenant() {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            throw TenantContext.missing("tenant cache '" + name + "'");
        }
        return tenant;
    }

    private static @Nullable Object[] dispatchFor(TenantSnapshot snapshot) {
        @Nullable Object[] d = new Object[snapshot.size() + 1];
        d[0] = snapshot;
        return d;
    }

    /** {@code tenant}'s cache: from the slot of its snapshot index when it is the registry's own, else from the map. */
    @SuppressWarnings("unchecked")
    private Cache<K, V> cacheOf(Tenant tenant) {
        @Nullable Object[] d = dispatch;
        if (d != null) {
            int i = ((TenantSnapshot) Objects.requireNonNull(d[0])).indexOfOwn(tenant);
            if (i >= 0) {
                Object cache = SLOTS.getAcquire(d, i + 1);
                return cache != null ? (Cache<K, V>) cache : fill(d, i + 1, tenant.id());
            }
        }
        return cacheOf(tenant.id());
    }

    private Cache<K, V> fill(@Nullable Object[] d, int slot, TenantId tenant) {
        Cache<K, V> cache = cacheOf(tenant);
        SLOTS.setRelease(d, slot, cache);
        return cache;
    }

    private Cache<K, V> cacheOf(TenantId tenant) {
        Cache<K, V> cache = caches.get(tenant);
        return cache != null ? cache : caches.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), this::create);
    }

    /** Runs inside the map's compute, so that a registry change cannot interleave with the check. */
    private Cache<K, V> create(TenantId tenant) {
        if (registry != null) {
            TenantSnapshot snapshot = registry.snapshot();
            Tenant declared = snapshot.require(tenant);
            if (!declared.isActive()) {
                throw new IllegalStateException("Tenant '" + tenant + "' is " + declared.status().name().toLowerCase(Locale.ROOT)
                        + ", so tenant cache '" + name + "' holds nothing for it. Only active tenants are served.");
            }
        }
        Cache<K, V> cache = newCache(tenant);
        applyCapacity(tenant, cache);
        return cache;
    }

    private Cache<K, V> newCache(TenantId tenant) {
        TenantLoader<? super K, ? extends V> l = loader;
        return l == null ? settings.build() : settings.build(key -> l.load(tenant, key));
    }

    private void applyCapacity(TenantId tenant, Cache<K, V> cache) {
        if (capacity == null) {
            return;
        }
        OptionalLong maximum = capacity.apply(tenant);
        if (maximum.isEmpty()) {
            return;
        }
        long value = maximum.getAsLong();
        if (value < 0) {
            throw new IllegalArgumentException("Tenant '" + tenant + "' has capacity " + value + " for tenant cache '" + name
                    + "'; a capacity is 0 or more.");
        }
        cache.policy().eviction().orElseThrow(() -> new IllegalStateException("Tenant '" + tenant + "' has its own capacity "
                + value + " for tenant cache '" + name + "', but the cache has no bound to override: give it maximumSize "
                + "(or maximumWeight with a weigher) in its settings.")).setMaximum(value);
    }

    private static <K, V> @Nullable V load(TenantLoader<? super K, ? extends V> loader, TenantId tenant, K key) {
        try {
            return loader.load(tenant, key);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
