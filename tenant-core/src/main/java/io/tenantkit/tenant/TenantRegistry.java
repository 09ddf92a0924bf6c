package io.tenantkit.tenant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Holds the current {@link TenantSnapshot} and replaces it atomically. Readers never lock: they read
 * one volatile reference and then work on an immutable snapshot. Changes are serialised; listeners
 * may veto a change before it happens ({@link TenantRegistryListener#beforeChange}), and
 * {@link #withSnapshot} holds changes off while a component derives state from the snapshot.
 */
public final class TenantRegistry {

    private final Object changeLock = new Object();
    private final List<TenantRegistryListener> listeners = new CopyOnWriteArrayList<>();
    private volatile TenantSnapshot snapshot;
    // Guarded by changeLock: the snapshot a change is about to install while listeners' beforeChange run.
    private @Nullable TenantSnapshot incoming;

    /** A registry starting with {@code initial}. */
    public TenantRegistry(TenantSnapshot initial) {
        this.snapshot = Objects.requireNonNull(initial, "initial");
    }

    /** A registry starting with these tenants. */
    public static TenantRegistry of(Tenant... tenants) {
        return new TenantRegistry(TenantSnapshot.of(tenants));
    }

    /** The current snapshot. */
    public TenantSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Replaces the snapshot with {@code next}: listeners' {@code beforeChange} first (any of them may
     * veto by throwing, and then nothing changes), then the swap, then their {@code afterChange}.
     */
    public void replace(TenantSnapshot next) {
        Objects.requireNonNull(next, "next");
        synchronized (changeLock) {
            TenantSnapshot current = snapshot;
            TenantSnapshot outer = incoming;
            incoming = next;
            try {
                for (TenantRegistryListener listener : listeners) {
                    listener.beforeChange(current, next);
                }
            } finally {
                incoming = outer;
            }
            snapshot = next;
            RuntimeException failure = null;
            for (TenantRegistryListener listener : listeners) {
                try {
                    listener.afterChange(current, next);
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Replaces the snapshot with {@code change} applied to the current one, atomically; returns the new one. */
    public TenantSnapshot update(UnaryOperator<TenantSnapshot> change) {
        synchronized (changeLock) {
            TenantSnapshot next = Objects.requireNonNull(change.apply(snapshot), "change returned null");
            replace(next);
            return next;
        }
    }

    /**
     * Calls {@code action} with the current snapshot and holds changes off until it returns, so that no
     * change comes between reading the snapshot and publishing what was derived from it. For state that
     * listeners rebuild on every change but that also changes for reasons of its own (the extension
     * registry's bindings): {@code action} and the listeners' callbacks never interleave.
     *
     * @throws IllegalStateException if called from a listener's {@code beforeChange}, where the snapshot
     *         is about to be replaced
     */
    public <R> R withSnapshot(Function<? super TenantSnapshot, ? extends R> action) {
        synchronized (changeLock) {
            if (incoming != null) {
                throw new IllegalStateException("withSnapshot was called from a TenantRegistryListener's beforeChange, "
                        + "while the snapshot is about to change to " + incoming + "; what it derived from the current "
                        + "snapshot would be stale at once. Do this work in afterChange, or outside the listener.");
            }
            return action.apply(snapshot);
        }
    }

    /** Adds a listener; it hears about every later change. */
    public void addListener(TenantRegistryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added before. */
    public void removeListener(TenantRegistryListener listener) {
        listeners.remove(listener);
    }

    /** The tenant with this id in the current snapshot, if declared. */
    public Optional<Tenant> find(TenantId id) {
        return snapshot.find(id);
    }

    /**
     * The tenant with this id in the current snapshot.
     *
     * @throws UnknownTenantException if it is not declared
     */
    public Tenant require(TenantId id) {
        return snapshot.require(id);
    }

    /** All tenants of the current snapshot. */
    public List<Tenant> all() {
        return snapshot.all();
    }

    /** The active tenants of the current snapshot. */
    public List<Tenant> active() {
        return snapshot.active();
    }
}
