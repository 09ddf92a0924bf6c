package io.tenantkit.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds extension implementations to tenants and keeps, per extension point, an immutable dispatch
 * table for the current tenant snapshot (tenant index → implementation, and → ordered
 * implementations).
 *
 * <pre>{@code
 * ExtensionRegistry extensions = ExtensionRegistry.builder(tenants)
 *         .bind(ExtensionBinding.global(FeePolicy.class, new StandardFeePolicy()))
 *         .bind(ExtensionBinding.to(FeePolicy.class, new JpFeePolicy(), "jp"))
 *         .build();
 * ExtensionHandle<FeePolicy> fees = extensions.handle(FeePolicy.class);
 * }</pre>
 *
 * <p>Tables are rebuilt and validated whenever the tenant registry or the bindings change, and
 * published only when valid: a change that fails validation throws {@link ExtensionValidationException}
 * and changes nothing (a tenant registry change is vetoed). Binding changes hold tenant changes off
 * ({@link TenantRegistry#withSnapshot}), so each is validated against the snapshot its tables are
 * published for. Calls in flight keep using the table they read. Thread-safe.
 */
public final class ExtensionRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExtensionRegistry.class);

    private final Object lock = new Object();
    private final TenantRegistry tenants;
    private final UnknownTenantPolicy unknownTenants;
    private final Map<Class<?>, ExtensionHandle<?>> handles = new ConcurrentHashMap<>();
    private final Listener listener = new Listener();
    // Guarded by lock.
    private final Set<Class<?>> declaredPoints = new LinkedHashSet<>();
    private List<ExtensionBinding<?>> bindings = List.of();
    private long version;
    private @Nullable State pending;
    private volatile @Nullable State state;

    private ExtensionRegistry(TenantRegistry tenants, UnknownTenantPolicy unknownTenants, Set<Class<?>> points) {
        this.tenants = tenants;
        this.unknownTenants = unknownTenants;
        this.declaredPoints.addAll(points);
        tenants.addListener(listener);
    }

    /** Starts a registry over the tenants of {@code tenants}. */
    public static Builder builder(TenantRegistry tenants) {
        return new Builder(tenants);
    }

    /**
     * The handle of {@code point}, created on first request. Requesting a handle declares the point:
     * later rebuilds validate it. A handle obtained before the registry is {@linkplain #isActive()
     * active} fails closed until it is.
     *
     * @throws IllegalArgumentException if {@code point} is not an interface annotated {@link ExtensionPoint}
     */
    @SuppressWarnings("unchecked")
    public <T> ExtensionHandle<T> handle(Class<T> point) {
        ExtensionHandle<?> existing = handles.get(point);
        if (existing != null) {
            return (ExtensionHandle<T>) existing;
        }
        checkPoint(point);
        synchronized (lock) {
            existing = handles.get(point);
            if (existing != null) {
                return (ExtensionHandle<T>) existing;
            }
            // No version bump: a table built before this for the pending snapshot stays publishable;
            // the new point gets an empty table now and is validated from the next build on.
            declaredPoints.add(point);
            ExtensionHandle<T> created = new ExtensionHandle<>(point, tableOf(state, point));
            handles.put(point, created);
            return created;
        }
    }

    /** Whether bindings were installed ({@link Builder#build()}, or a first bind/replace after {@link Builder#buildInactive()}). */
    public boolean isActive() {
        return state != null;
    }

    /**
     * Adds one binding and rebuilds.
     *
     * @throws ExtensionValidationException if the result does not validate; nothing changes then
     */
    public void bind(ExtensionBinding<?> binding) {
        bindAll(List.of(binding));
    }

    /**
     * Adds bindings and rebuilds once; activates an inactive registry.
     *
     * @throws ExtensionValidationException if the result does not validate; nothing changes then
     */
    public void bindAll(Collection<? extends ExtensionBinding<?>> added) {
        change(current -> {
            List<ExtensionBinding<?>> next = new ArrayList<>(current);
            for (ExtensionBinding<?> b : added) {
                next.add(Objects.requireNonNull(b, "binding"));
            }
            return next;
        });
    }

    /**
     * Replaces all bindings and rebuilds; activates an inactive registry.
     *
     * @throws ExtensionValidationException if the result does not validate; nothing changes then
     */
    public void replaceBindings(Collection<? extends ExtensionBinding<?>> all) {
        change(current -> {
            List<ExtensionBinding<?>> next = new ArrayList<>(all.size());
            for (ExtensionBinding<?> b : all) {
                next.add(Objects.requireNonNull(b, "binding"));
            }
            return next;
        });
    }

    /**
     * Removes a binding (the same object that was bound) and rebuilds.
     *
     * @return false if it was not bound
     * @throws ExtensionValidationException if the result does not validate; nothing changes then
     */
    public boolean unbind(ExtensionBinding<?> binding) {
        return change(current -> {
            List<ExtensionBinding<?>> next = new ArrayList<>(current);
            return next.removeIf(b -> b == binding) ? next : null;
        });
    }

    /** The bindings, in registration order. */
    public List<ExtensionBinding<?>> bindings() {
        synchronized (lock) {
            return bindings;
        }
    }

    /** The extension points known: declared, requested as handles, or bound; ordered by name. */
    public List<Class<?>> points() {
        Set<Class<?>> all = new TreeSet<>(Comparator.comparing(Class::getName));
        synchronized (lock) {
            all.addAll(declaredPoints);
            State s = state;
            if (s != null) {
                all.addAll(s.points().keySet());
            }
        }
        return List.copyOf(all);
    }

    /** Warnings of the last build (bindings to unknown tenants ignored under {@link UnknownTenantPolicy#WARN}). */
    public List<String> warnings() {
        State s = state;
        return s == null ? List.of() : s.warnings();
    }

    /**
     * Which implementation answers {@code point} for {@code tenant}, and the chain that led there.
     *
     * @throws io.tenantkit.tenant.UnknownTenantException if the tenant is not declared
     * @throws IllegalStateException if the registry is not active
     */
    public ExtensionResolution explain(TenantId tenant, Class<?> point) {
        State s = requireState();
        Tenant t = s.snapshot().require(tenant);
        return resolution(s, t, index(s, point));
    }

    /** How every point resolves for every tenant of the current snapshot. */
    public ResolutionMatrix matrix() {
        State s = requireState();
        List<Class<?>> points = List.copyOf(s.points().keySet());
        List<ExtensionResolution> resolutions = new ArrayList<>(s.snapshot().size() * points.size());
        List<TenantId> ids = new ArrayList<>(s.snapshot().size());
        for (Tenant t : s.snapshot().all()) {
            ids.add(t.id());
            for (Class<?> point : points) {
                resolutions.add(resolution(s, t, s.points().get(point)));
            }
        }
        return new ResolutionMatrix(ids, points, resolutions);
    }

    /** Stops following the tenant registry. Handles keep their last tables. */
    @Override
    public void close() {
        tenants.removeListener(listener);
    }

    @Override
    public String toString() {
        State s = state;
        return "ExtensionRegistry[" + (s == null ? "inactive" : s.points().size() + " points, " + s.bindings().size()
                + " bindings, " + s.snapshot().size() + " tenants") + "]";
    }

    // --- building and publishing; all under lock ---

    /**
     * Applies {@code edit} to the bindings (null: nothing to change) and rebuilds. Holds the tenant
     * registry's changes off first, then this registry's lock, the order a tenant change takes them in
     * (its listener runs under the first and takes the second): a tenant change cannot come between
     * validating against a snapshot and publishing the tables, where it would be validated against the
     * old bindings and then published with the new ones.
     *
     * @return whether the bindings changed
     */
    private boolean change(Function<List<ExtensionBinding<?>>, @Nullable List<ExtensionBinding<?>>> edit) {
        return tenants.withSnapshot(snapshot -> {
            synchronized (lock) {
                List<ExtensionBinding<?>> next = edit.apply(bindings);
                if (next == null) {
                    return false;
                }
                State built = Resolver.build(snapshot, next, declaredPoints, unknownTenants, version + 1);
                bindings = List.copyOf(next);
                version++;
                publish(built);
                return true;
            }
        });
    }

    private void publish(State next) {
        for (String warning : next.warnings()) {
            log.warn(warning);
        }
        state = next;
        pending = null;
        for (ExtensionHandle<?> h : handles.values()) {
            h.publish(tableOf(next, h.point()));
        }
    }

    private static Table tableOf(@Nullable State s, Class<?> point) {
        if (s == null) {
            return Table.UNBUILT;
        }
        Table table = s.tables().get(point);
        if (table != null) {
            return table;
        }
        // A point first requested after the last build: no bindings yet, validated at the next build.
        return new PointIndex(point, s.snapshot()).table();
    }

    private State requireState() {
        State s = state;
        if (s == null) {
            throw new IllegalStateException("The ExtensionRegistry has no bindings yet; bind implementations first.");
        }
        return s;
    }

    private static PointIndex index(State s, Class<?> point) {
        PointIndex index = s.points().get(point);
        return index != null ? index : new PointIndex(checkPoint(point), s.snapshot());
    }

    private static ExtensionResolution resolution(State s, Tenant t, PointIndex index) {
        int i = s.snapshot().indexOf(t);
        List<TenantId> lineage = new ArrayList<>(4);
        for (int j = i; j >= 0; j = s.snapshot().parentIndexOf(j)) {
            lineage.add(s.snapshot().get(j).id());
        }
        return new ExtensionResolution(t.id(), t.status(), index.point, lineage, index.candidates(i));
    }

    private static Class<?> checkPoint(Class<?> point) {
        if (!point.isInterface() || !point.isAnnotationPresent(ExtensionPoint.class)) {
            throw new IllegalArgumentException(point.getName() + " is not an extension point: extension points are "
                    + "interfaces annotated @" + ExtensionPoint.class.getName() + ".");
        }
        return point;
    }

    /** Rebuilds the tables for each tenant snapshot before it is published, and publishes them after. */
    private final class Listener implements TenantRegistryListener {

        @Override
        public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
            synchronized (lock) {
                if (state == null) {
                    return;
                }
                pending = Resolver.build(next, bindings, declaredPoints, unknownTenants, version);
            }
        }

        @Override
        public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
            synchronized (lock) {
                State s = state;
                if (s == null || (s.snapshot() == current && s.version() == version)) {
                    return;
                }
                State p = pending;
                if (p != null && p.snapshot() == current && p.version() == version) {
                    publish(p);
                } else {
                    publish(Resolver.build(current, bindings, declaredPoints, unknownTenants, version));
                }
            }
        }
    }

    /** Builds an {@link ExtensionRegistry}. */
    public static final class Builder {

        private final TenantRegistry tenants;
        private final List<ExtensionBinding<?>> bindings = new ArrayList<>();
        private final Set<Class<?>> points = new LinkedHashSet<>();
        private UnknownTenantPolicy unknownTenants = UnknownTenantPolicy.FAIL;

        private Builder(TenantRegistry tenants) {
            this.tenants = Objects.requireNonNull(tenants, "tenants");
        }

        /** Adds a binding. */
        public Builder bind(ExtensionBinding<?> binding) {
            bindings.add(Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /** Adds bindings. */
        public Builder bindAll(Collection<? extends ExtensionBinding<?>> added) {
            added.forEach(this::bind);
            return this;
        }

        /** Adds {@code implementation} for {@code point}: global when no tenant is given. */
        public <T> Builder bind(Class<T> point, T implementation, String... tenantIds) {
            return bind(ExtensionBinding.builder(point, implementation).tenants(tenantIds).build());
        }

        /** Adds the bindings {@link ExtensionBinding#annotated(Object)} reads from each implementation's {@link Extension} annotation. */
        public Builder bindAnnotated(Object... implementations) {
            for (Object implementation : implementations) {
                bindings.addAll(ExtensionBinding.annotated(implementation));
            }
            return this;
        }

        /** Declares a point, so that the build validates it even if nothing is bound to it. */
        public Builder point(Class<?> point) {
            points.add(checkPoint(point));
            return this;
        }

        /** What to do with bindings to undeclared tenants; {@link UnknownTenantPolicy#FAIL} by default. */
        public Builder unknownTenants(UnknownTenantPolicy policy) {
            this.unknownTenants = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds, validates and activates the registry; it follows the tenant registry from now on.
         *
         * @throws ExtensionValidationException if the bindings do not validate
         */
        public ExtensionRegistry build() {
            ExtensionRegistry registry = buildInactive();
            try {
                registry.replaceBindings(bindings);
            } catch (RuntimeException e) {
                registry.close();
                throw e;
            }
            return registry;
        }

        /**
         * Builds a registry without installing the bindings yet, for frameworks that hand out handles
         * before the implementations exist (the Spring starter). It becomes active, validated, with
         * the first {@link ExtensionRegistry#bindAll} (which adds to the bindings given to this builder)
         * or {@link ExtensionRegistry#replaceBindings}. It follows the tenant registry from now on.
         */
        public ExtensionRegistry buildInactive() {
            ExtensionRegistry registry = new ExtensionRegistry(tenants, unknownTenants, points);
            registry.bindings = List.copyOf(bindings);
            return registry;
        }
    }
}
