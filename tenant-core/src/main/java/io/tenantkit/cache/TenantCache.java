package io.tenantkit.cache;

import java.util.Set;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * A cache whose every entry belongs to one tenant: the tenant is part of every lookup, so a value written under
 * {@code jp} is never read under {@code us}, even for the same key. The methods without a tenant use the current
 * tenant of the thread ({@code TenantContext}) and throw {@link io.tenantkit.context.MissingTenantException},
 * naming the cache, when there is none: there is no default tenant. The methods taking a {@link TenantId} are for
 * code that works for a named tenant (jobs, administration).
 *
 * <p>Each tenant has its own Caffeine cache, created on its first use with the builder's settings and the tenant's
 * own capacity, so one tenant's traffic never evicts another tenant's entries. Statistics are recorded per tenant
 * when the settings record them ({@code recordStats}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TenantCache<K, V> {

    /** The cache's name, used in error messages and metrics. */
    String name();

    /** The current tenant's value of {@code key}, or null when it has none cached. */
    @Nullable V getIfPresent(K key);

    /** {@code tenant}'s value of {@code key}, or null when it has none cached. */
    @Nullable V getIfPresent(TenantId tenant, K key);

    /**
     * The current tenant's value of {@code key}, computed by {@code loader} (on this thread, with the tenant passed
     * in) and cached when absent; null if the loader returns null.
     */
    @Nullable V get(K key, TenantLoader<? super K, ? extends V> loader);

    /** Like {@link #get(Object, TenantLoader)} for {@code tenant}. */
    @Nullable V get(TenantId tenant, K key, TenantLoader<? super K, ? extends V> loader);

    /** Caches {@code value} under {@code key} for the current tenant. */
    void put(K key, V value);

    /** Caches {@code value} under {@code key} for {@code tenant}. */
    void put(TenantId tenant, K key, V value);

    /** Removes the current tenant's entry for {@code key}; other tenants' entries for the same key stay. */
    void invalidate(K key);

    /** Removes {@code tenant}'s entry for {@code key}. */
    void invalidate(TenantId tenant, K key);

    /**
     * Removes every entry of {@code tenant} and nothing else; its statistics stay. Costs what clearing that tenant's
     * own cache costs, whatever the other tenants hold.
     */
    void invalidateTenant(TenantId tenant);

    /** Removes every entry of every tenant. */
    void invalidateAll();

    /** The tenants that currently have a cache (that have used it since they were last dropped). */
    Set<TenantId> tenants();

    /** The approximate number of entries {@code tenant} holds. */
    long estimatedSize(TenantId tenant);

    /** The approximate number of entries of all tenants. */
    long estimatedSize();

    /** {@code tenant}'s statistics (all zero unless the settings record them, or before its first use). */
    CacheStats stats(TenantId tenant);

    /**
     * The statistics of all tenants together, including those of tenants whose caches were dropped (removed or
     * suspended tenants), so that the totals never decrease.
     */
    CacheStats stats();

    /**
     * Reads {@code tenant}'s capacity again (see {@link TenantCacheBuilder#capacity}) and resizes its cache, if it has
     * one. Call it when the configuration the capacity comes from changed.
     */
    void capacityChanged(TenantId tenant);
}
