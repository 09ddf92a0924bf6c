package io.tenantkit.tenant;

import java.util.Collection;

/** Thrown when an id names no declared tenant. */
public final class UnknownTenantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TenantId tenantId;

    UnknownTenantException(TenantId tenantId, Collection<TenantId> known) {
        super("Unknown tenant '" + tenantId + "'. Declared tenants: " + TenantId.list(known.stream().sorted().toList())
                + ". Declare it in the registry's snapshot or fix the id.");
        this.tenantId = tenantId;
    }

    /** The id that was looked up. */
    public TenantId tenantId() {
        return tenantId;
    }
}
