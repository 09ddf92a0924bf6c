package io.tenantkit.extension;

import java.util.List;

import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * The immutable dispatch table of one extension point for one tenant snapshot: per tenant index the
 * implementation that answers and the ordered chain of all implementations. Published whole through
 * a volatile field, so no call sees a half-built table.
 */
final class Table {

    /** The table of a registry that has no bindings yet: every call fails closed. */
    static final Table UNBUILT = new Table(TenantSnapshot.empty(), new Object[0], new Object[0][], new List<?>[0], false);

    final TenantSnapshot snapshot;
    /**
     * What {@link ExtensionHandle#current()} reads: {@link #snapshot} at index 0, then per tenant index
     * {@code i} the implementation that answers at {@code i + 1} (null: none). One array holding both,
     * so that a call follows one reference less from the handle.
     */
    final @Nullable Object[] dispatch;
    final Object[][] chains;
    final List<?>[] lists;
    final boolean built;

    Table(TenantSnapshot snapshot, @Nullable Object[] first, Object[][] chains, List<?>[] lists, boolean built) {
        this.snapshot = snapshot;
        this.dispatch = new Object[first.length + 1];
        this.dispatch[0] = snapshot;
        System.arraycopy(first, 0, this.dispatch, 1, first.length);
        this.chains = chains;
        this.lists = lists;
        this.built = built;
    }
}
