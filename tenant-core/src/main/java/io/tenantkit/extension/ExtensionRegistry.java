package io.tenantkit.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds extension implementations to tenants and answers, per extension point, from immutable
 * dispatch tables (tenant index → implementation, and → ordered implementations).
 *
 * <pre>{@code
 * ExtensionRegistry extensions = ExtensionRegistry.builder(tenants)
 *         .bind(ExtensionBinding.builder(FeePolicy.class, new StandardFeePolicy()).build())
 *         .bind(ExtensionBinding.builder(FeePolicy.class, new JpFeePolicy()).tenants("jp").build())
 *         .build();
 * ExtensionHandle<FeePolicy> fees = extensions.handle(FeePolicy.class);
 * }</pre>
 *
 * <p><b>Generations.</b> The tenant snapshot, the bindings and the table of every point are built and
 * validated together as one generation, and published whole: a call is answered from the generation
 * built for the snapshot its {@link Tenant} came from, so it sees the tenants and every point's table
 * all old or all new, never a mix. A tenant change is built (and may be vetoed) before the
 * {@link TenantRegistry} swaps its snapshot, and from that instant tenants of the new snapshot are
 * answered from its generation; tenants of the snapshot just replaced keep being answered from theirs
 * while calls for them are in flight, until the next tenant change. A tenant of an older snapshot is
 * looked up by id in the current generation. A change that fails validation throws
 * {@link ExtensionValidationException} and changes nothing (a tenant change is vetoed). Thread-safe.
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
    /** The published generation. Written under lock. */
    private volatile Generation generation;
    /** The generation built for a tenant snapshot being installed, from its veto check until it is published. Written under lock. */
    private volatile @Nullable Generation incoming;

    private ExtensionRegistry(TenantRegistry tenants, UnknownTenantPolicy unknownTenants, Set<Class<?>> points,
            List<ExtensionBinding<?>> bindings) {
        this.tenants = tenants;
        this.unknownTenants = unknownTenants;
        this.declaredPoints.addAll(points);
        synchronized (lock) {
            tenants.addListener(listener);
            try {
                this.generation = GenerationBuilder.build(tenants.snapshot(), bindings, declaredPoints, unknownTenants,
                        !bindings.isEmpty() || !points.isEmpty());
            } catch (RuntimeException e) {
                tenants.removeListener(listener);
                throw e;
            }
        }
    }

    /** Starts a registry over the tenants of {@code tenants}. */
    public static Builder builder(TenantRegistry tenants) {
        return new Builder(tenants);
    }

    /**
     * The handle of {@code point}, created on first request. Requesting a handle declares the point:
     * later builds validate it.
     *
     * @throws IllegalArgumentException if {@code point} is not an interface annotated {@link ExtensionPoint}
     */
    @SuppressWarnings("unchecked")
    public <T> ExtensionHandle<T> handle(Class<T> point) {
        ExtensionHandle<?> existing = handles.get(point);
        if (existing != null) {
            return (ExtensionHandle<T>) existing;
        }
        ExtensionPointIndex.check(point);
        synchronized (lock) {
            existing = handles.get(point);
            if (existing != null) {
                return (ExtensionHandle<T>) existing;
            }
            declaredPoints.add(point);
            // Same tenants, same bindings: the other tables stay as they are, so nothing is superseded.
            Generation g = generation.withPoint(point);
            generation = g;
            Generation in = incoming;
            if (in != null) {
                incoming = in.withPoint(point);
            }
            ExtensionHandle<T> created = new ExtensionHandle<>(this, point, g.tables.get(point));
            handles.put(point, created);
            return created;
        }
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
     * Adds bindings and rebuilds once.
     *
     * @throws ExtensionValidationException if the result does not validate; nothing changes then
     */
    public void bindAll(Collection<? extends ExtensionBinding<?>> added) {
        List<ExtensionBinding<?>> checked = copy(added);
        change(current -> {
            List<ExtensionBinding<?>> next = new ArrayList<>(current);
            next.addAll(checked);
            return next;
        });
    }

    /**
     * Replaces all bindings and rebuilds.
     *
     * @throws ExtensionValidationException if the result does not validate; nothing changes then
     */
    public void replaceBindings(Collection<? extends ExtensionBinding<?>> all) {
        List<ExtensionBinding<?>> checked = copy(all);
        change(current -> checked);
    }

    /**
     * Removes a binding (the same object that was bound) and rebuilds.
     *
     * @return false if it was not bound
     * @throws ExtensionValidationException if the result does not validate; nothing changes then
     */
    public boolean unbind(ExtensionBinding<?> binding) {
        synchronized (lock) {
            if (generation.bindings.stream().noneMatch(b -> b == binding)) {
                return false;
            }
            change(current -> {
                List<ExtensionBinding<?>> next = new ArrayList<>(current);
                next.removeIf(b -> b == binding);
                return next;
            });
            return true;
        }
    }

    /** The bindings, in registration order. */
    public List<ExtensionBinding<?>> bindings() {
        return generation.bindings;
    }

    /** The extension points known: declared, requested as handles, or bound; ordered by name. */
    public List<Class<?>> points() {
        return List.copyOf(generation.points.keySet());
    }

    /** Warnings of the last build (bindings to unknown tenants ignored under {@link UnknownTenantPolicy#WARN}). */
    public List<String> warnings() {
        return generation.warnings;
    }

    /**
     * Which implementation answers {@code point} for {@code tenant}, and the chain that led there.
     *
     * @throws io.tenantkit.tenant.UnknownTenantException if the tenant is not declared
     * @throws IllegalArgumentException if {@code point} is not an extension point
     */
    public ExtensionResolution explain(TenantId tenant, Class<?> point) {
        Generation g = generation;
        Tenant t = g.snapshot().require(tenant);
        PointBindings bindings = g.points.get(point);
        return resolution(g, t, bindings != null ? bindings : new PointBindings(ExtensionPointIndex.check(point), g.tenants));
    }

    /** How every point resolves for every tenant of the current snapshot. */
    public ResolutionMatrix matrix() {
        Generation g = generation;
        List<Class<?>> points = List.copyOf(g.points.keySet());
        List<ExtensionResolution> resolutions = new ArrayList<>(g.tenants.size() * points.size());
        List<TenantId> ids = new ArrayList<>(g.tenants.size());
        for (Tenant t : g.snapshot().all()) {
            ids.add(t.id());
            for (Class<?> point : points) {
                resolutions.add(resolution(g, t, g.points.get(point)));
            }
        }
        return new ResolutionMatrix(ids, points, resolutions);
    }

    /** Stops following the tenant registry. Handles keep answering from the last generation. */
    @Override
    public void close() {
        tenants.removeListener(listener);
    }

    @Override
    public String toString() {
        Generation g = generation;
        return "ExtensionRegistry[" + g.points.size() + " points, " + g.bindings.size() + " bindings, " + g.tenants.size()
                + " tenants]";
    }

    // --- the slow path of handles ---

    /**
     * The generation that answers {@code tenant}: the one built for its snapshot (the published one, the
     * one it replaced, or the one being installed), else the published one, which looks it up by id.
     */
    Generation generationFor(Tenant tenant) {
        // Read before the published one: it is cleared only after its successor is published.
        Generation in = incoming;
        Generation g = generation;
        if (g.owns(tenant)) {
            return g;
        }
        Generation previous = g.previous();
        if (previous != null && previous.owns(tenant)) {
            return previous;
        }
        return in != null && in.owns(tenant) ? in : g;
    }

    // --- building and publishing; all under lock ---

    /**
     * Applies {@code edit} to the bindings and publishes the result, validated for the published
     * snapshot and, while a tenant change is under way, for its incoming snapshot too.
     */
    private void change(UnaryOperator<List<ExtensionBinding<?>>> edit) {
        synchronized (lock) {
            Generation current = generation;
            List<ExtensionBinding<?>> next = edit.apply(current.bindings);
            Generation in = incoming;
            Generation built = GenerationBuilder.build(current.snapshot(), next, declaredPoints, unknownTenants, true);
            Generation builtIncoming = in == null ? null
                    : GenerationBuilder.build(in.snapshot(), next, declaredPoints, unknownTenants, true);
            publish(built);
            incoming = builtIncoming;
        }
    }

    /**
     * Publishes {@code next}: supersedes the tables of the published generation first (a call that meets
     * one from now on asks {@link #generationFor}), then the one volatile write that makes {@code next}
     * current, then hands each handle its new table for the fast path.
     */
    private void publish(Generation next) {
        Generation current = generation;
        Generation linked = next.after(current);
        for (String warning : linked.warnings) {
            log.warn(warning);
        }
        current.supersede();
        generation = linked;
        for (ExtensionHandle<?> h : handles.values()) {
            h.publish(linked.tables.get(h.point()));
        }
    }

    private static ExtensionResolution resolution(Generation g, Tenant t, PointBindings bindings) {
        int i = g.snapshot().indexOf(t);
        return new ExtensionResolution(t.id(), t.status(), bindings.point, g.tenants.lineage(i), bindings.candidates(i));
    }

    private static List<ExtensionBinding<?>> copy(Collection<? extends ExtensionBinding<?>> bindings) {
        List<ExtensionBinding<?>> out = new ArrayList<>(bindings.size());
        for (ExtensionBinding<?> b : bindings) {
            out.add(Objects.requireNonNull(b, "binding"));
        }
        return out;
    }

    /** Builds each tenant snapshot's generation before it is installed (a failure vetoes it), and publishes it after. */
    private final class Listener implements TenantRegistryListener {

        @Override
        public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
            synchronized (lock) {
                Generation g = generation;
                incoming = GenerationBuilder.build(next, g.bindings, declaredPoints, unknownTenants, g.installed);
            }
        }

        @Override
        public void changeRejected(TenantSnapshot current, TenantSnapshot rejected) {
            synchronized (lock) {
                Generation in = incoming;
                if (in != null && in.snapshot() == rejected) {
                    incoming = null;
                }
            }
        }

        @Override
        public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
            synchronized (lock) {
                Generation in = incoming;
                Generation g = generation;
                if (g.snapshot() != current) {
                    publish(in != null && in.snapshot() == current ? in
                            : GenerationBuilder.build(current, g.bindings, declaredPoints, unknownTenants, g.installed));
                }
                // Only now: a call for a tenant of the new snapshot reads this field before the published generation.
                incoming = null;
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

        /** Adds bindings (such as those {@link ExtensionBinding#annotated(Object)} reads). */
        public Builder bindAll(Collection<? extends ExtensionBinding<?>> added) {
            added.forEach(this::bind);
            return this;
        }

        /** Declares a point, so that every build validates it even if nothing is bound to it. */
        public Builder point(Class<?> point) {
            points.add(ExtensionPointIndex.check(point));
            return this;
        }

        /** What to do with bindings to undeclared tenants; {@link UnknownTenantPolicy#FAIL} by default. */
        public Builder unknownTenants(UnknownTenantPolicy policy) {
            this.unknownTenants = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds and validates the registry; it follows the tenant registry from now on. Built with neither
         * bindings nor declared points, the registry waits for its bindings (frameworks bind them once the
         * implementations exist): until the first {@code bind}, {@code bindAll} or {@code replaceBindings},
         * which validates, every call fails closed saying so.
         *
         * @throws ExtensionValidationException if the bindings do not validate
         */
        public ExtensionRegistry build() {
            return new ExtensionRegistry(tenants, unknownTenants, points, List.copyOf(bindings));
        }
    }
}
