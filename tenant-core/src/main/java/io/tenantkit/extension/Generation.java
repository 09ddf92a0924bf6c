package io.tenantkit.extension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * Everything a registry answers from, built for one tenant snapshot and one set of bindings and
 * published whole by one volatile write: the snapshot, the bindings of every point sorted by level, the
 * dispatch table of every point, and the warnings of the build. Immutable once published, except that
 * {@link #supersede()} sends later fast-path calls through its tables to the registry.
 *
 * <p>{@link #previous()} keeps the generation of the snapshot this one replaced (with no further
 * history), so that calls for tenants obtained from that snapshot, in flight across the change, are
 * answered from the tables built for it: all old or all new, never a mix.
 */
final class Generation {

    final Lineages tenants;
    final List<ExtensionBinding<?>> bindings;
    /** Ordered by point name. */
    final Map<Class<?>, PointBindings> points;
    final Map<Class<?>, PointTable> tables;
    final List<String> warnings;
    /** False until the registry's bindings are installed: then nothing is validated and every call fails closed saying so. */
    final boolean installed;
    private final @Nullable Generation previous;

    Generation(Lineages tenants, List<ExtensionBinding<?>> bindings, Map<Class<?>, PointBindings> points,
            Map<Class<?>, PointTable> tables, List<String> warnings, boolean installed, @Nullable Generation previous) {
        this.tenants = tenants;
        this.bindings = bindings;
        this.points = points;
        this.tables = tables;
        this.warnings = warnings;
        this.installed = installed;
        this.previous = previous;
    }

    TenantSnapshot snapshot() {
        return tenants.snapshot();
    }

    /** The generation that answered the snapshot this one replaced, if kept; null after a binding-only change of a first generation. */
    @Nullable Generation previous() {
        return previous;
    }

    /** This generation as the successor of {@code published}: keeps the generation of the other snapshot. */
    Generation after(Generation published) {
        Generation kept = published.snapshot() == snapshot() ? published.previous : published.withPrevious(null);
        return withPrevious(kept);
    }

    /** This generation with a table for {@code point}, which has no bindings yet (validated from the next build on). */
    Generation withPoint(Class<?> point) {
        if (tables.containsKey(point)) {
            return this;
        }
        PointBindings empty = new PointBindings(point, tenants);
        Map<Class<?>, PointBindings> p = new TreeMap<>(GenerationBuilder.BY_NAME);
        p.putAll(points);
        p.put(point, empty);
        Map<Class<?>, PointTable> t = new LinkedHashMap<>(tables);
        t.put(point, empty.table());
        return new Generation(tenants, bindings, p, t, warnings, installed, previous == null ? null : previous.withPoint(point));
    }

    /** Whether {@code tenant} is an instance handed out by this generation's snapshot. */
    boolean owns(Tenant tenant) {
        return snapshot().indexOfOwn(tenant) >= 0;
    }

    /** The index of {@code tenant} here: its own for a tenant of this snapshot, else looked up by id; -1 if not declared. */
    int indexOf(Tenant tenant) {
        return snapshot().indexOf(tenant);
    }

    /** Sends fast-path calls through the tables of this generation to the slow path; see {@link PointTable#dispatch}. */
    void supersede() {
        for (PointTable table : tables.values()) {
            table.supersede();
        }
    }

    private Generation withPrevious(@Nullable Generation kept) {
        return kept == previous ? this : new Generation(tenants, bindings, points, tables, warnings, installed, kept);
    }
}
