package io.tenantkit.cache;

import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * A {@link TenantCache} with one {@link TenantLoader}, built by {@link TenantCacheBuilder#build(TenantLoader)}: the
 * loader computes absent values and, with {@code refreshAfterWrite}, refreshes stale ones on Caffeine's executor,
 * always for the tenant that owns the entry.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface TenantLoadingCache<K, V> extends TenantCache<K, V> {

    /** The current tenant's value of {@code key}, loaded when absent; null if the loader returns null. */
    @Nullable V get(K key);

    /** {@code tenant}'s value of {@code key}, loaded when absent; null if the loader returns null. */
    @Nullable V get(TenantId tenant, K key);

    /** Reloads {@code tenant}'s value of {@code key} asynchronously, on Caffeine's executor. */
    void refresh(TenantId tenant, K key);
}
