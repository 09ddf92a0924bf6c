package io.tenantkit.config;

import io.tenantkit.context.ScopePin;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Holds the current {@link TenantConfigGeneration} and replaces it atomically; changes are serialised and
 * {@link TenantConfigListener listeners} may veto them.
 *
 * <p>One generation per unit of work: inside a tenant scope (a request, a message, a task handed off from
 * one) {@link #generation()} is the generation that was current at the scope's first read, until the scope
 * closes ({@link ScopePin}); what is {@link #derive derived} from a generation (the typed instances of every
 * {@code @TenantConfigurationProperties} class) is published with it. A scope therefore reads all values,
 * of every key and every class, from one generation: all old or all new, never a mix.
 *
 * <pre>{@code
 * if (store.isOn("instant-payout")) { ... }                       // the current tenant's flag
 * store.generation().explain(TenantId.of("jp"), "marketplace.fees.rate");
 * }</pre>
 */
public final class TenantConfigStore {

    private final Object changeLock = new Object();
    private final List<TenantConfigListener> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by changeLock. */
    private final List<Derivation<?>> derivations = new ArrayList<>();
    private volatile TenantConfigGeneration generation;
    private final ScopePin<TenantConfigGeneration> pin = new ScopePin<>() {
        @Override
        protected TenantConfigGeneration pin(@Nullable Tenant tenant, @Nullable TenantConfigGeneration enclosing) {
            return enclosing != null ? enclosing : generation;
        }
    };

    /** A store starting with {@code initial}. */
    public TenantConfigStore(TenantConfigGeneration initial) {
        this.generation = Objects.requireNonNull(initial, "initial");
    }

    /**
     * The generation to read: inside a tenant scope the one pinned to it (the latest when the scope first
     * asked), outside any scope the latest. Read it once and use it for values that belong together.
     */
    public TenantConfigGeneration generation() {
        TenantConfigGeneration pinned = pin.get();
        return pinned != null ? pinned : generation;
    }

    /** The latest generation installed, whatever scope is open. */
    public TenantConfigGeneration latest() {
        return generation;
    }

    /**
     * Whether feature {@code name} is on for the current tenant, in the scope's {@link #generation()}.
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     */
    public boolean isOn(String name) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            throw TenantContext.missing("feature flag '" + name + "'");
        }
        return generation().isOn(tenant.id(), name);
    }

    /** The tenant's values of {@code key}, strongest (the answer) first; see {@link TenantConfigGeneration#explain}. */
    public List<ConfigValue> explain(TenantId tenant, String key) {
        return generation().explain(tenant, key);
    }

    /**
     * Derives something from every generation from now on (typed instances, a table): computed for the
     * latest generation now, and for each new one before it is installed (a derivation may veto a change by
     * throwing, like {@link TenantConfigListener#beforeChange}). The value is published with its generation:
     * whoever reads a generation reads what was derived from it.
     *
     * @return the slot to read the value with, {@link Slot#of}
     * @throws RuntimeException what the derivation throws for the latest generation (nothing is registered then)
     */
    public <D> Slot<D> derive(Derivation<D> derivation) {
        Objects.requireNonNull(derivation, "derivation");
        synchronized (changeLock) {
            TenantConfigGeneration current = generation;
            Set<TenantId> all = new LinkedHashSet<>();
            current.snapshot().all().forEach(t -> all.add(t.id()));
            D value = Objects.requireNonNull(derivation.derive(null, null, current, all), "derivation returned null");
            @Nullable Object[] derived = Arrays.copyOf(current.derived, current.derived.length + 1);
            derived[derived.length - 1] = value;
            derivations.add(derivation);
            generation = current.withDerived(derived);
            return new Slot<>(derived.length - 1, this);
        }
    }

    /**
     * Replaces the generation with {@code change} applied to the current one, if any tenant's values changed:
     * the {@link #derive derivations} and listeners' {@code beforeChange} first (any may veto by throwing;
     * nothing changes then), the swap, their {@code afterChange}. Returns the tenants whose values changed
     * (empty: nothing was swapped).
     */
    public Set<TenantId> update(UnaryOperator<TenantConfigGeneration> change) {
        synchronized (changeLock) {
            TenantConfigGeneration current = generation;
            TenantConfigGeneration next = Objects.requireNonNull(change.apply(current), "change returned null");
            Set<TenantId> changed = next.changedSince(current);
            if (changed.isEmpty() && next.snapshot() == current.snapshot()) {
                return changed;
            }
            @Nullable Object[] derived = new Object[derivations.size()];
            for (int i = 0; i < derived.length; i++) {
                derived[i] = Objects.requireNonNull(derive(derivations.get(i), current.derived[i], current, next, changed),
                        "derivation returned null");
            }
            next = next.withDerived(derived);
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

    @SuppressWarnings("unchecked")
    private static <D> D derive(Derivation<D> derivation, @Nullable Object previous, TenantConfigGeneration current,
            TenantConfigGeneration next, Set<TenantId> changed) {
        return derivation.derive((D) previous, current, next, changed);
    }

    /** Adds a listener; it hears about every later change. */
    public void addListener(TenantConfigListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added before. */
    public void removeListener(TenantConfigListener listener) {
        listeners.remove(listener);
    }

    /**
     * Makes something of a generation, before it is installed: see {@link #derive}.
     *
     * @param <D> what is derived; immutable, since it is read by every thread
     */
    @FunctionalInterface
    public interface Derivation<D> {

        /**
         * What {@code next} gives.
         *
         * @param previous what was derived from {@code current}; null for the first generation derived
         * @param current the generation installed now; null for the first generation derived
         * @param next the generation about to be installed
         * @param changed the tenants whose values differ between the two (every tenant for the first)
         * @return the value, not null
         */
        D derive(@Nullable D previous, @Nullable TenantConfigGeneration current, TenantConfigGeneration next,
                Set<TenantId> changed);
    }

    /**
     * Where a {@link Derivation}'s value sits in each generation of one store.
     *
     * @param <D> what is derived
     */
    public static final class Slot<D> {

        private final int index;
        private final TenantConfigStore store;

        private Slot(int index, TenantConfigStore store) {
            this.index = index;
            this.store = store;
        }

        /**
         * What was derived from {@code generation}: an array read.
         *
         * @throws IllegalArgumentException if the generation was not installed by this slot's store after the
         *         derivation was registered
         */
        @SuppressWarnings("unchecked")
        public D of(TenantConfigGeneration generation) {
            @Nullable Object[] derived = generation.derived;
            if (index < derived.length) {
                return (D) Objects.requireNonNull(derived[index]);
            }
            throw new IllegalArgumentException(generation + " holds no value of derivation " + index + " of " + store
                    + ": read generations of the store that derived it, installed after the derivation was registered.");
        }
    }
}
