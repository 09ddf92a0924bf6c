package io.tenantkit.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/** Builds and validates the {@link State} of a registry. Runs when tenants or bindings change, never per call. */
final class Resolver {

    private static final Comparator<Class<?>> BY_NAME = Comparator.comparing(Class::getName);

    private Resolver() {
    }

    /**
     * Builds the state for {@code snapshot}, {@code bindings} and the declared {@code points}.
     *
     * @throws ExtensionValidationException naming every problem found
     */
    static State build(TenantSnapshot snapshot, List<ExtensionBinding<?>> bindings, Collection<Class<?>> points,
            UnknownTenantPolicy unknownTenants, long version) {
        List<ExtensionProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Class<?>, PointIndex> indexes = new TreeMap<>(BY_NAME);
        for (Class<?> point : points) {
            indexes.put(point, new PointIndex(point, snapshot));
        }
        for (ExtensionBinding<?> b : bindings) {
            PointIndex index = indexes.computeIfAbsent(b.point(), p -> new PointIndex(p, snapshot));
            if (b.isGlobal()) {
                index.global.add(b);
            }
            for (TenantId id : b.tenants()) {
                int i = snapshot.indexOf(id);
                if (i >= 0) {
                    index.add(i, b);
                } else if (unknownTenants == UnknownTenantPolicy.FAIL) {
                    problems.add(new ExtensionProblem(ExtensionProblem.Kind.UNKNOWN_TENANT, b.point(), List.of(id),
                            List.of(b.describe()), unknownTenant(b, id, snapshot)
                            + " Declare the tenant, fix the binding, or set the unknown-tenant policy to WARN to ignore such bindings."));
                } else {
                    warnings.add(unknownTenant(b, id, snapshot) + " The binding is ignored for '" + id + "'.");
                }
            }
        }
        Map<Class<?>, Table> tables = new LinkedHashMap<>();
        for (PointIndex index : indexes.values()) {
            index.sort();
            checkTies(index, problems);
            checkResolved(index, problems);
            tables.put(index.point, index.table());
        }
        if (!problems.isEmpty()) {
            throw new ExtensionValidationException(problems);
        }
        return new State(snapshot, List.copyOf(bindings), indexes, tables, List.copyOf(warnings), version);
    }

    private static String unknownTenant(ExtensionBinding<?> b, TenantId id, TenantSnapshot snapshot) {
        return "Implementation " + b.describe() + " of extension point " + b.point().getName() + " is bound to tenant '"
                + id + "', which is not declared (declared: " + ids(snapshot.all()) + ").";
    }

    private static void checkTies(PointIndex index, List<ExtensionProblem> problems) {
        checkTies(index, index.global, null, problems);
        for (int i = 0; i < index.snapshot.size(); i++) {
            checkTies(index, index.level(i), index.snapshot.get(i).id(), problems);
        }
    }

    private static void checkTies(PointIndex index, List<ExtensionBinding<?>> level, @Nullable TenantId at,
            List<ExtensionProblem> problems) {
        for (int k = 1; k < level.size(); k++) {
            ExtensionBinding<?> a = level.get(k - 1);
            ExtensionBinding<?> b = level.get(k);
            if (a.priority() == b.priority()) {
                String where = at == null ? "as the global default" : "for tenant '" + at + "'";
                problems.add(new ExtensionProblem(ExtensionProblem.Kind.AMBIGUOUS, index.point,
                        at == null ? List.of() : List.of(at), List.of(a.describe(), b.describe()),
                        "Extension point " + index.point.getName() + " has two implementations " + where
                                + " at the same priority " + a.priority() + ": " + a.describe() + " and " + b.describe()
                                + ". Give one a higher priority (@Extension(priority = ...)) or remove one of them."));
            }
        }
    }

    private static void checkResolved(PointIndex index, List<ExtensionProblem> problems) {
        if (index.point.getAnnotation(ExtensionPoint.class).optional() || !index.global.isEmpty()) {
            return;
        }
        List<TenantId> unresolved = new ArrayList<>();
        for (Tenant t : index.snapshot.active()) {
            if (!resolves(index, index.snapshot.indexOf(t))) {
                unresolved.add(t.id());
            }
        }
        if (!unresolved.isEmpty()) {
            problems.add(new ExtensionProblem(ExtensionProblem.Kind.UNRESOLVED, index.point, unresolved, List.of(),
                    "Extension point " + index.point.getName() + " has no implementation for active tenant"
                            + (unresolved.size() == 1 ? " " : "s ") + ids(unresolved) + ". Bind an implementation to "
                            + (unresolved.size() == 1 ? "it" : "each of them") + " or to a parent, or add a global default "
                            + "(an implementation bound to no tenant), or declare the point @ExtensionPoint(optional = true)."));
        }
    }

    private static boolean resolves(PointIndex index, int tenantIndex) {
        for (int i = tenantIndex; i >= 0; i = index.snapshot.parentIndexOf(i)) {
            if (!index.level(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String ids(Collection<?> tenantsOrIds) {
        if (tenantsOrIds.isEmpty()) {
            return "none";
        }
        List<String> names = new ArrayList<>();
        for (Object o : tenantsOrIds) {
            names.add(o instanceof Tenant t ? t.id().value() : String.valueOf(o));
            if (names.size() == 20) {
                names.add("... (" + tenantsOrIds.size() + " in all)");
                break;
            }
        }
        return String.join(", ", names);
    }
}
