package io.tenantkit.extension;

import java.util.ArrayList;
import java.util.List;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;

/**
 * The tenants of one snapshot by dense index, with the index of each one's parent: the parent chains
 * that tables are built along, computed once per {@link Generation}.
 */
final class Lineages {

    private final TenantSnapshot snapshot;
    private final List<Tenant> tenants;
    private final int[] parents;

    Lineages(TenantSnapshot snapshot) {
        this.snapshot = snapshot;
        this.tenants = snapshot.all();
        this.parents = new int[tenants.size()];
        for (int i = 0; i < parents.length; i++) {
            parents[i] = tenants.get(i).parent().map(snapshot::indexOf).orElse(-1);
        }
    }

    TenantSnapshot snapshot() {
        return snapshot;
    }

    int size() {
        return parents.length;
    }

    Tenant get(int index) {
        return tenants.get(index);
    }

    /** The index of the parent of the tenant at {@code index}, or -1. */
    int parentOf(int index) {
        return parents[index];
    }

    /** The ids of the tenant at {@code index} and its parents, nearest first. */
    List<TenantId> lineage(int index) {
        List<TenantId> out = new ArrayList<>(4);
        for (int i = index; i >= 0; i = parents[i]) {
            out.add(tenants.get(i).id());
        }
        return out;
    }
}
