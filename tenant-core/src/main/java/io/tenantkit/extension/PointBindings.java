package io.tenantkit.extension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The bindings of one extension point sorted by level for the tenants of one {@link Generation}: per
 * tenant index the bindings made to that tenant, plus the global ones, each list highest priority first.
 */
final class PointBindings {

    private static final Comparator<ExtensionBinding<?>> BY_PRIORITY =
            Comparator.comparingInt((ExtensionBinding<?> b) -> b.priority()).reversed();

    final Class<?> point;
    final Lineages tenants;
    final List<ExtensionBinding<?>>[] byTenant;
    final List<ExtensionBinding<?>> global;

    @SuppressWarnings("unchecked")
    PointBindings(Class<?> point, Lineages tenants) {
        this.point = point;
        this.tenants = tenants;
        this.byTenant = (List<ExtensionBinding<?>>[]) new List<?>[tenants.size()];
        this.global = new ArrayList<>(2);
    }

    void add(int tenantIndex, ExtensionBinding<?> binding) {
        List<ExtensionBinding<?>> level = byTenant[tenantIndex];
        if (level == null) {
            level = new ArrayList<>(2);
            byTenant[tenantIndex] = level;
        }
        level.add(binding);
    }

    /** Sorts every level, highest priority first (stable: equal priorities keep registration order). */
    void sort() {
        global.sort(BY_PRIORITY);
        for (List<ExtensionBinding<?>> level : byTenant) {
            if (level != null) {
                level.sort(BY_PRIORITY);
            }
        }
    }

    /** The bindings bound at the tenant level {@code index} (-1: the global level), highest priority first. */
    List<ExtensionBinding<?>> level(int index) {
        if (index < 0) {
            return global;
        }
        List<ExtensionBinding<?>> level = byTenant[index];
        return level == null ? List.of() : level;
    }

    /** The chain for the tenant at {@code index}: its level, its parents' levels, the global level. */
    List<ExtensionResolution.Candidate> candidates(int index) {
        List<ExtensionResolution.Candidate> out = new ArrayList<>(4);
        for (int i = index; i >= 0; i = tenants.parentOf(i)) {
            for (ExtensionBinding<?> b : level(i)) {
                out.add(new ExtensionResolution.Candidate(tenants.get(i).id(), b));
            }
        }
        for (ExtensionBinding<?> b : global) {
            out.add(new ExtensionResolution.Candidate(null, b));
        }
        return out;
    }

    /** The dispatch table. */
    PointTable table() {
        int n = tenants.size();
        @Nullable Object[] first = new Object[n];
        Object[][] chains = new Object[n][];
        List<?>[] lists = new List<?>[n];
        for (int i = 0; i < n; i++) {
            List<Object> chain = new ArrayList<>(4);
            for (int j = i; j >= 0; j = tenants.parentOf(j)) {
                for (ExtensionBinding<?> b : level(j)) {
                    chain.add(b.implementation());
                }
            }
            for (ExtensionBinding<?> b : global) {
                chain.add(b.implementation());
            }
            chains[i] = chain.toArray();
            first[i] = chains[i].length == 0 ? null : chains[i][0];
            lists[i] = List.of(chains[i]);
        }
        return new PointTable(tenants.snapshot(), first, chains, lists);
    }
}
