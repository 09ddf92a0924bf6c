package io.tenantkit.extension;

import java.util.List;
import java.util.Map;

import io.tenantkit.tenant.TenantSnapshot;

/**
 * What a registry built for one snapshot and one set of bindings: an index and a table per point,
 * and the warnings of the build. Immutable once built.
 *
 * @param snapshot the tenants
 * @param bindings the bindings, in registration order
 * @param points the index of each point, ordered by point name
 * @param tables the table of each point
 * @param warnings warnings of the build (bindings to unknown tenants under {@link UnknownTenantPolicy#WARN})
 * @param version the registry's modification count the state was built at
 */
record State(TenantSnapshot snapshot, List<ExtensionBinding<?>> bindings, Map<Class<?>, PointIndex> points,
        Map<Class<?>, Table> tables, List<String> warnings, long version) {
}
