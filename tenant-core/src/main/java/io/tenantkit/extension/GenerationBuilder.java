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

/**
 * Builds and validates a {@link Generation}: sorts the bindings of every point by level and builds its
 * dispatch table. Runs when tenants or bindings change, never per call.
 */
final class GenerationBuilder {

    static final Comparator<Class<?>> BY_NAME = Comparator.comparing(Class::getName);

    private GenerationBuilder() {
    }

    /**
     * Builds the generation for {@code snapshot}, {@code bindings} and the declared {@code points};
     * validated unless {@code validate} is false (a registry whose bindings were not installed yet).
     *
     * @throws ExtensionValidationException naming every problem found
     */
    static Generation build(TenantSnapshot snapshot, List<ExtensionBinding<?>> bindings, Collection<Class<?>> points,
            UnknownTenantPolicy unknownTenants, boolean validate) {
        Lineages tenants = new Lineages(snapshot);
        List<ExtensionProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Class<?>, PointBindings> byPoint = new TreeMap<>(BY_NAME);
        for (Class<?> point : points) {
            byPoint.put(point, new PointBindings(point, tenants));
        }
        for (ExtensionBinding<?> b : bindings) {
            PointBindings index = byPoint.computeIfAbsent(b.point(), p -> new PointBindings(p, tenants));
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
                            + " Declare the tenant, fix the binding, or choose UnknownTenantPolicy.WARN to ignore such bindings."));
                } else {
                    warnings.add(unknownTenant(b, id, snapshot) + " The binding is ignored for '" + id + "'.");
                }
            }
        }
        Map<Class<?>, PointTable> tables = new LinkedHashMap<>();
        for (PointBindings index : byPoint.values()) {
            index.sort();
            checkTies(index, problems);
            checkResolved(index, problems);
            tables.put(index.point, index.table());
        }
        if (validate && !problems.isEmpty()) {
            throw new ExtensionValidationException(problems);
        }
        return new Generation(tenants, List.copyOf(bindings), byPoint, tables, List.copyOf(warnings), validate, null);
    }

    private static String unknownTenant(ExtensionBinding<?> b, TenantId id, TenantSnapshot snapshot) {
        return "Implementation " + b.describe() + " of extension point " + b.point().getName() + " is bound to tenant '"
                + id + "', which is not declared (declared: " + TenantId.list(snapshot.all().stream().map(Tenant::id).toList()) + ").";
    }

    private static void checkTies(PointBindings index, List<ExtensionProblem> problems) {
        checkTies(index, index.global, null, problems);
        for (int i = 0; i < index.tenants.size(); i++) {
            checkTies(index, index.level(i), index.tenants.get(i).id(), problems);
        }
    }

    private static void checkTies(PointBindings index, List<ExtensionBinding<?>> level, @Nullable TenantId at,
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

    private static void checkResolved(PointBindings index, List<ExtensionProblem> problems) {
        if (index.point.getAnnotation(ExtensionPoint.class).optional() || !index.global.isEmpty()) {
            return;
        }
        List<TenantId> unresolved = new ArrayList<>();
        for (int i = 0; i < index.tenants.size(); i++) {
            Tenant t = index.tenants.get(i);
            if (t.isActive() && !resolves(index, i)) {
                unresolved.add(t.id());
            }
        }
        if (!unresolved.isEmpty()) {
            problems.add(new ExtensionProblem(ExtensionProblem.Kind.UNRESOLVED, index.point, unresolved, List.of(),
                    "Extension point " + index.point.getName() + " has no implementation for active tenant"
                            + (unresolved.size() == 1 ? " " : "s ") + TenantId.list(unresolved) + ". Bind an implementation to "
                            + (unresolved.size() == 1 ? "it" : "each of them") + " or to a parent, or add a global default "
                            + "(an implementation bound to no tenant), or declare the point @ExtensionPoint(optional = true)."));
        }
    }

    private static boolean resolves(PointBindings index, int tenantIndex) {
        for (int i = tenantIndex; i >= 0; i = index.tenants.parentOf(i)) {
            if (!index.level(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
