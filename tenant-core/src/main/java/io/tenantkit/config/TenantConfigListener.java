package io.tenantkit.config;

import io.tenantkit.tenant.TenantId;
import java.util.Set;

/**
 * Hears about configuration generations replacing each other in a {@link TenantConfigStore}: to build and
 * validate what is derived from configuration (typed objects) before a change, and to evict derived caches
 * after it.
 */
public interface TenantConfigListener {

    /**
     * Called before {@code next} replaces {@code current}; throw to veto the change (the store keeps
     * {@code current} and the exception reaches whoever asked for the change).
     *
     * @param changed the tenants whose values changed
     */
    default void beforeChange(TenantConfigGeneration current, TenantConfigGeneration next, Set<TenantId> changed) {
    }

    /**
     * Called after {@code current} replaced {@code previous}. Should not throw.
     *
     * @param changed the tenants whose values changed
     */
    void afterChange(TenantConfigGeneration previous, TenantConfigGeneration current, Set<TenantId> changed);
}
