package io.tenantkit.spring.actuate;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * Adds data to the {@code tenants} actuator endpoint, such as the extension resolution matrix. Declare
 * it as a bean; the endpoint calls it on every read, with the snapshot the rest of the answer comes from,
 * and shows what it returns under {@code details.<name>}. Returning null leaves the entry out.
 */
public interface TenantEndpointContributor {

    /** The key of this contribution under {@code details}; unique among contributors. */
    String name();

    /** Data about the whole registry, for {@code GET /actuator/tenants}; null to add nothing. */
    @Nullable Object contribute(TenantSnapshot snapshot);

    /**
     * Data about one tenant, for {@code GET /actuator/tenants/{id}}; null (the default) to add nothing.
     *
     * @since 0.1.0
     */
    default @Nullable Object contribute(Tenant tenant, TenantSnapshot snapshot) {
        return null;
    }
}
