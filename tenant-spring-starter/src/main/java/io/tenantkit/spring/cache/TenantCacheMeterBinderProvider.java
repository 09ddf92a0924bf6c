package io.tenantkit.spring.cache;

import java.util.Objects;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;

/**
 * Lets Spring Boot's cache metrics bind tenant caches: Boot's {@code cache.*} meters (all tenants together) and, when
 * {@code perTenant}, the same figures per tenant as {@code tenantkit.cache.*} meters with a {@code tenant} tag, one
 * per active tenant of the registry: the tag has as many values as the registry has active tenants, whatever the
 * traffic.
 */
public final class TenantCacheMeterBinderProvider implements CacheMeterBinderProvider<TenantSpringCache> {

    private final @Nullable TenantRegistry registry;

    /** A provider; with a registry, per-tenant meters are bound for its active tenants, without one none are. */
    public TenantCacheMeterBinderProvider(@Nullable TenantRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MeterBinder getMeterBinder(TenantSpringCache cache, Iterable<Tag> tags) {
        return new TenantCacheMetrics(Objects.requireNonNull(cache, "cache").getNativeCache(), tags, registry);
    }
}
