package io.tenantkit.spring.actuate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /actuator/tenants/{id}}.
 *
 * @param tenant the tenant
 * @param details what the {@link TenantEndpointContributor}s added about it, by contributor name
 */
public record TenantDetailsDescriptor(TenantDescriptor tenant, Map<String, Object> details) {

    /** Copies the details. */
    public TenantDetailsDescriptor {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
