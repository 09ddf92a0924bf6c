package io.tenantkit.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Holds the current {@link TenantSnapshot} and replaces it atomically. Readers never lock: they read
 * one volatile reference and then work on an immutable snapshot. Changes are serialised; listeners
 * build what they derive from the next snapshot before it is installed and may veto it
 * ({@link TenantRegistryListener#beforeChange}).
 */
public final class TenantRegistry {

    private final Object changeLock = new Object();
    private final List<TenantRegistryListener> listeners = new CopyOnWriteArrayList<>();
    private volatile TenantSnapshot snapshot;

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
     * veto by throwing: those that had prepared hear {@code changeRejected}, and nothing changes), then
     * the swap, then their {@code afterChange}.
     */
    public void replace(TenantSnapshot next) {
        Objects.requireNonNull(next, "next");
        synchronized (changeLock) {
            TenantSnapshot current = snapshot;
            List<TenantRegistryListener> prepared = new ArrayList<>(listeners.size());
            for (TenantRegistryListener listener : listeners) {
                try {
                    listener.beforeChange(current, next);
                } catch (RuntimeException veto) {
                    for (TenantRegistryListener p : prepared) {
                        try {
                            p.changeRejected(current, next);
                        } catch (RuntimeException e) {
                            veto.addSuppressed(e);
                        }
                    }
                    throw veto;
                }
                prepared.add(listener);
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
