package io.tenantkit.cache;

import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * Computes the value of a key for a tenant. The tenant is an argument because loads and refreshes run on
 * whatever thread Caffeine picks ({@code refreshAfterWrite} refreshes on its executor): a loader must decide whose
 * data to load from {@code tenant}, never from {@code TenantContext}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@FunctionalInterface
public interface TenantLoader<K, V> {

    /**
     * The value of {@code key} for {@code tenant}, or null if there is none (nothing is cached then).
     *
     * @throws Exception if the value cannot be computed; the caller gets it (unchecked ones as they are)
     */
    @Nullable V load(TenantId tenant, K key) throws Exception;
}
