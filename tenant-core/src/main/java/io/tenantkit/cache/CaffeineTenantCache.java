package io.tenantkit.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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
 * registry, each tenant's cache is also kept in the slots of a {@link Dispatch}, by the tenant's index in the
 * registry's snapshot (rebuilt on every snapshot change); a tenant from another snapshot, or a named tenant, takes the
 * map.
 *
 * <p>The current tenant's hit is predicted. The cache keeps a {@link Guess}: a tenant that used it and that tenant's
 * cache. A hit reads the guessed cache without waiting for the current tenant, which is read alongside and compared
 * with the guessed one before the cache is returned. When the guess is right, the chain of dependent reads
 * (thread-local, frame, tenant, index, slot, cache, then Caffeine's own) becomes two chains that run side by side, and
 * a hit costs about what reading the tenant and a plain Caffeine hit cost together. When it is wrong, the lookup takes
 * the slot as before, and replaces the guess once in 64 times ({@link #REGUESS_ONE_IN}), so that the guess settles on the
 * busiest tenant without every miss writing to a field that all threads read. The guess only chooses what is read
 * first: the cache returned is always the current tenant's.
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
     * The registry's current snapshot with its tenants' caches, and the tenant whose cache a hit of the current tenant
     * reads first; null without a registry. Replaced on every registry change.
     */
    private volatile @Nullable Guess guess;

    /** Reads and fills the slots of a {@link Dispatch} with acquire and release semantics. */
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
    /** Replaces {@link #guess} only if no registry change replaced it meanwhile. */
    private static final VarHandle GUESS;
    /** A wrong guess replaces the guess once in this many times, so that the busiest tenant keeps it. */
    private static final int REGUESS_ONE_IN = 64;

    static {
        try {
            GUESS = MethodHandles.lookup().findVarHandle(CaffeineTenantCache.class, "guess", Guess.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One snapshot of the registry, and the caches of its tenants by index ([i] for index i), filled on first use. */
    record Dispatch(TenantSnapshot snapshot, @Nullable Object[] slots) {
        Dispatch(TenantSnapshot snapshot) {
            this(snapshot, new Object[snapshot.size()]);
        }
    }

    /**
     * A tenant of the dispatch's snapshot and its cache (both null before the first hit). Immutable, so that a racy
     * read sees the tenant, its cache and their snapshot together.
     */
    record Guess(@Nullable Tenant tenant, @Nullable Cache<?, ?> cache, Dispatch dispatch) {
        static Guess none(TenantSnapshot snapshot) {
            return new Guess(null, null, new Dispatch(snapshot));
        }
    }

    CaffeineTenantCache(String name, Caffeine<Object, Object> settings, @Nullable TenantLoader<? super K, ? extends V> loader,
            @Nullable Function<TenantId, OptionalLong> capacity, @Nullable TenantRegistry registry) {
        this.name = name;
        this.settings = settings;
        this.loader = loader;
        this.capacity = capacity;
        this.registry = registry;
        this.guess = registry == null ? null : Guess.none(registry.snapshot());
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
            // After the drops: slots filled meanwhile belong to the old snapshot, which no current tenant indexes, and
            // a guess made meanwhile fails to replace this one.
            guess = Guess.none(current);
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

    /**
     * {@code tenant}'s cache. The guessed tenant's cache is read before {@code tenant} is known, so that the processor
     * starts on that cache while the thread-local read that produced {@code tenant} completes; the comparison of the
     * two tenants (the same object only if both are of the guess's snapshot) decides whether it is returned.
     */
    @SuppressWarnings("unchecked")
    private Cache<K, V> cacheOf(Tenant tenant) {
        Guess g = guess;
        if (g == null) {
            return cacheOf(tenant.id());
        }
        if (g.tenant == tenant) {
            return (Cache<K, V>) g.cache;
        }
        int i = g.dispatch.snapshot.indexOfOwn(tenant);
        return i < 0 ? cacheOf(tenant.id()) : cacheAt(g, i, tenant);
    }

    /** The cache in slot {@code i} of the guess's dispatch (filled from the map on first use); the guess now and then. */
    @SuppressWarnings("unchecked")
    private Cache<K, V> cacheAt(Guess g, int i, Tenant tenant) {
        Object slot = SLOTS.getAcquire(g.dispatch.slots, i);
        Cache<K, V> cache;
        if (slot != null) {
            cache = (Cache<K, V>) slot;
        } else {
            cache = cacheOf(tenant.id());
            SLOTS.setRelease(g.dispatch.slots, i, cache);
        }
        if (g.tenant == null || ThreadLocalRandom.current().nextInt(REGUESS_ONE_IN) == 0) {
            GUESS.compareAndSet(this, g, new Guess(tenant, cache, g.dispatch));
        }
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
