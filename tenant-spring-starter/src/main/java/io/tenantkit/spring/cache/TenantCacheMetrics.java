package io.tenantkit.spring.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import io.tenantkit.cache.TenantCache;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantTagValues;

import org.jspecify.annotations.Nullable;

/**
 * Micrometer's cache meters over a tenant cache: the {@code cache.*} meters sum all tenants (including the
 * statistics of dropped tenants, so the counters never decrease); the per-tenant {@code tenantkit.cache.gets},
 * {@code tenantkit.cache.evictions} and {@code tenantkit.cache.size} follow the registry's active tenants (meters of a
 * tenant that is removed or suspended are removed with it).
 */
final class TenantCacheMetrics extends CacheMeterBinder<TenantCache<Object, Object>> {

    private final TenantCache<Object, Object> cache;
    private final Iterable<Tag> tags;
    private final @Nullable TenantRegistry registry;

    TenantCacheMetrics(TenantCache<Object, Object> cache, Iterable<Tag> tags, @Nullable TenantRegistry registry) {
        super(cache, cache.name(), tags);
        this.cache = cache;
        this.tags = tags;
        this.registry = registry;
    }

    @Override
    protected Long size() {
        return cache.estimatedSize();
    }

    @Override
    protected long hitCount() {
        return cache.stats().hitCount();
    }

    @Override
    protected Long missCount() {
        return cache.stats().missCount();
    }

    @Override
    protected Long evictionCount() {
        return cache.stats().evictionCount();
    }

    @Override
    protected long putCount() {
        return cache.stats().loadCount();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry meters) {
        TenantRegistry tenants = registry;
        if (tenants == null) {
            return;
        }
        PerTenant perTenant = new PerTenant(meters);
        tenants.addListener(perTenant);
        perTenant.follow(tenants.snapshot());
    }

    /** The per-tenant meters of the registry's active tenants. */
    private final class PerTenant implements TenantRegistryListener {

        private final MeterRegistry meters;
        private final Map<TenantId, List<Meter>> bound = new HashMap<>();

        PerTenant(MeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
            follow(current);
        }

        synchronized void follow(TenantSnapshot snapshot) {
            Map<TenantId, Tenant> active = new HashMap<>();
            snapshot.active().forEach(t -> active.put(t.id(), t));
            bound.entrySet().removeIf(entry -> {
                if (active.containsKey(entry.getKey())) {
                    return false;
                }
                entry.getValue().forEach(meters::remove);
                return true;
            });
            active.keySet().forEach(tenant -> bound.computeIfAbsent(tenant, this::bind));
        }

        private List<Meter> bind(TenantId tenant) {
            Tags tenantTags = Tags.of(tags).and("cache", cache.name()).and(TenantTagValues.KEY, tenant.value());
            List<Meter> bound = new ArrayList<>(4);
            bound.add(counter("tenantkit.cache.gets", tenantTags.and("result", "hit"), tenant, CacheStats::hitCount,
                    "Cache hits of one tenant"));
            bound.add(counter("tenantkit.cache.gets", tenantTags.and("result", "miss"), tenant, CacheStats::missCount,
                    "Cache misses of one tenant"));
            bound.add(counter("tenantkit.cache.evictions", tenantTags, tenant, CacheStats::evictionCount,
                    "Entries of one tenant evicted by its bound or expiry"));
            bound.add(Gauge.builder("tenantkit.cache.size", cache, c -> c.estimatedSize(tenant)).tags(tenantTags)
                    .description("The approximate number of entries one tenant holds").register(meters));
            return bound;
        }

        private Meter counter(String name, Tags meterTags, TenantId tenant, ToDoubleFunction<CacheStats> figure,
                String description) {
            return FunctionCounter.builder(name, cache, c -> figure.applyAsDouble(c.stats(tenant))).tags(meterTags)
                    .description(description).register(meters);
        }
    }
}
