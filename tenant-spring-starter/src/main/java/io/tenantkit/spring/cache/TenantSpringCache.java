package io.tenantkit.spring.cache;

import java.util.Objects;
import java.util.concurrent.Callable;

import io.tenantkit.cache.TenantCache;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.springframework.cache.support.AbstractValueAdaptingCache;

/**
 * A Spring {@link org.springframework.cache.Cache} over a {@link TenantCache}: every lookup, put and eviction is the
 * current tenant's, and fails closed with {@link io.tenantkit.context.MissingTenantException} naming the cache when
 * there is none. {@link #clear()} clears the current tenant's entries, or every tenant's when no tenant is current (an
 * operator clearing the cache through {@code /actuator/caches}).
 */
public final class TenantSpringCache extends AbstractValueAdaptingCache {

    private final TenantCache<Object, Object> cache;

    TenantSpringCache(TenantCache<Object, Object> cache, boolean allowNullValues) {
        super(allowNullValues);
        this.cache = cache;
    }

    @Override
    public String getName() {
        return cache.name();
    }

    /** The tenant cache this cache adapts. */
    @Override
    public TenantCache<Object, Object> getNativeCache() {
        return cache;
    }

    @Override
    protected @Nullable Object lookup(Object key) {
        return cache.getIfPresent(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
        Objects.requireNonNull(valueLoader, "valueLoader");
        return (T) fromStoreValue(cache.get(key, (tenant, k) -> {
            try {
                return toStoreValue(valueLoader.call());
            } catch (Exception e) {
                throw new ValueRetrievalException(k, valueLoader, e);
            }
        }));
    }

    @Override
    public void put(Object key, @Nullable Object value) {
        cache.put(key, toStoreValue(value));
    }

    @Override
    public void evict(Object key) {
        cache.invalidate(key);
    }

    @Override
    public void clear() {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            cache.invalidateAll();
        } else {
            cache.invalidateTenant(tenant.id());
        }
    }
}
