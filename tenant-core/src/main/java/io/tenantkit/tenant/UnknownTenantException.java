package io.tenantkit.tenant;

import java.util.Collection;
import java.util.stream.Collectors;

/** Thrown when an id names no declared tenant. */
public final class UnknownTenantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int MAX_LISTED = 20;

    private final TenantId tenantId;

    UnknownTenantException(TenantId tenantId, Collection<TenantId> known) {
        super("Unknown tenant '" + tenantId + "'. Declared tenants: " + list(known)
                + ". Declare it in the registry's snapshot or fix the id.");
        this.tenantId = tenantId;
    }

    /** The id that was looked up. */
    public TenantId tenantId() {
        return tenantId;
    }

    private static String list(Collection<TenantId> known) {
        if (known.isEmpty()) {
            return "none";
        }
        String listed = known.stream().sorted().limit(MAX_LISTED).map(TenantId::value).collect(Collectors.joining(", "));
        return known.size() > MAX_LISTED ? listed + ", ... (" + known.size() + " in all)" : listed;
    }
}
