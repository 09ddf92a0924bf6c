package io.tenantkit.extension;

import java.util.List;

import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * The immutable dispatch table of one extension point in one {@link Generation}: per tenant index the
 * implementation that answers and the ordered chain of all implementations. Built whole before its
 * generation is published.
 */
final class PointTable {

    /**
     * What {@link ExtensionHandle#current()} reads: the generation's snapshot at index 0, then per tenant
     * index {@code i} the implementation that answers at {@code i + 1} (null: none). One array holding
     * both, so that a call follows one reference from the handle. When the generation is superseded, index
     * 0 is set to the empty snapshot, which owns no tenant: every call through a handle that still holds
     * this array then takes the slow path, which asks the registry for the published generation.
     */
    final @Nullable Object[] dispatch;
    final Object[][] chains;
    final List<?>[] lists;

    PointTable(TenantSnapshot snapshot, @Nullable Object[] first, Object[][] chains, List<?>[] lists) {
        this.dispatch = new Object[first.length + 1];
        this.dispatch[0] = snapshot;
        System.arraycopy(first, 0, this.dispatch, 1, first.length);
        this.chains = chains;
        this.lists = lists;
    }

    /** The snapshot whose own tenants the fast path answers from this table; the empty snapshot once superseded. */
    TenantSnapshot owner() {
        return (TenantSnapshot) dispatch[0];
    }

    /** Sends every later call through this table to the slow path (see {@link #dispatch}). */
    void supersede() {
        dispatch[0] = TenantSnapshot.empty();
    }
}
