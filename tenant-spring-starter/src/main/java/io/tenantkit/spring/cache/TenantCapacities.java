package io.tenantkit.spring.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.config.TenantConfigListener;
import io.tenantkit.tenant.SafeText;
import io.tenantkit.tenant.TenantId;

import org.springframework.cache.Cache;

/**
 * Tenants' own cache capacities in their configuration ({@code tenantkit.cache.capacity.<name>}): checked at startup
 * and before a reload is installed (a bad value refuses the reload, keeping the last good configuration), applied to
 * the tenants' caches after it.
 */
final class TenantCapacities implements TenantConfigListener {

    private final Map<String, Cache> caches;

    TenantCapacities(Map<String, Cache> caches) {
        this.caches = caches;
    }

    @Override
    public void beforeChange(TenantConfigGeneration current, TenantConfigGeneration next, Set<TenantId> changed) {
        check(next, changed);
    }

    @Override
    public void afterChange(TenantConfigGeneration previous, TenantConfigGeneration current, Set<TenantId> changed) {
        for (Cache cache : caches.values()) {
            if (cache instanceof TenantSpringCache tenantCache) {
                changed.forEach(tenantCache.getNativeCache()::capacityChanged);
            }
        }
    }

    /**
     * Checks the capacities {@code tenants} set in {@code generation}.
     *
     * @throws TenantConfigException naming tenant, key and file for every bad value
     */
    void check(TenantConfigGeneration generation, Collection<TenantId> tenants) {
        List<TenantConfigException.Problem> problems = new ArrayList<>();
        for (TenantId tenant : tenants) {
            generation.values(tenant).forEach((key, value) -> {
                if (key.startsWith(TenantCacheManager.CAPACITY)) {
                    try {
                        parse(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(new TenantConfigException.Problem(tenant.value(), key, value.origin(), String.valueOf(e.getMessage())));
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigException(problems);
        }
    }

    /** A capacity: a whole number, 0 or more. */
    static long parse(ConfigValue value) {
        try {
            long capacity = Long.parseLong(value.value().trim());
            if (capacity >= 0) {
                return capacity;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(SafeText.quote(value.value()) + " is not a cache capacity: write a whole number of "
                + "entries, 0 or more");
    }
}
