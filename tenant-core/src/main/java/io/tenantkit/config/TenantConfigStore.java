package io.tenantkit.config;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Holds the current {@link TenantConfigGeneration} and replaces it atomically: readers read one volatile
 * reference and then work on an immutable generation; changes are serialised and
 * {@link TenantConfigListener listeners} may veto them.
 *
 * <pre>{@code
 * if (store.isOn("instant-payout")) { ... }                       // the current tenant's flag
 * store.generation().explain(TenantId.of("jp"), "marketplace.fees.rate");
 * }</pre>
 */
public final class TenantConfigStore {

    private final Object changeLock = new Object();
    private final List<TenantConfigListener> listeners = new CopyOnWriteArrayList<>();
    private volatile TenantConfigGeneration generation;

    /** A store starting with {@code initial}. */
    public TenantConfigStore(TenantConfigGeneration initial) {
        this.generation = Objects.requireNonNull(initial, "initial");
    }

    /** The current generation: read it once and use it for values that belong together. */
    public TenantConfigGeneration generation() {
        return generation;
    }

    /**
     * Whether feature {@code name} is on for the current tenant.
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     */
    public boolean isOn(String name) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            throw TenantContext.missing("feature flag '" + name + "'");
        }
        return generation.isOn(tenant.id(), name);
    }

    /** The tenant's values of {@code key}, strongest (the answer) first; see {@link TenantConfigGeneration#explain}. */
    public List<ConfigValue> explain(TenantId tenant, String key) {
        return generation.explain(tenant, key);
    }

    /**
     * Replaces the generation with {@code change} applied to the current one, if any tenant's values changed:
     * listeners' {@code beforeChange} first (any may veto by throwing; nothing changes then), the swap, their
     * {@code afterChange}. Returns the tenants whose values changed (empty: nothing was swapped).
     */
    public Set<TenantId> update(UnaryOperator<TenantConfigGeneration> change) {
        synchronized (changeLock) {
            TenantConfigGeneration current = generation;
            TenantConfigGeneration next = Objects.requireNonNull(change.apply(current), "change returned null");
            Set<TenantId> changed = next.changedSince(current);
            if (changed.isEmpty() && next.snapshot() == current.snapshot()) {
                return changed;
            }
            for (TenantConfigListener listener : listeners) {
                listener.beforeChange(current, next, changed);
            }
            generation = next;
            for (TenantConfigListener listener : listeners) {
                listener.afterChange(current, next, changed);
            }
            return changed;
        }
    }

    /** Adds a listener; it hears about every later change. */
    public void addListener(TenantConfigListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added before. */
    public void removeListener(TenantConfigListener listener) {
        listeners.remove(listener);
    }
}
