package io.tenantkit.spring.actuate;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /actuator/tenants}.
 *
 * @param tenants every tenant of the registry's current snapshot, in declaration order
 * @param details what the {@link TenantEndpointContributor}s added, by contributor name
 */
public record TenantsDescriptor(List<TenantDescriptor> tenants, Map<String, Object> details) {

    /** Copies the collections. */
    public TenantsDescriptor {
        tenants = List.copyOf(tenants);
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
