package io.tenantkit.config;

import io.tenantkit.tenant.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant's file, read: the values of its {@code tenant:} block (the tenant's declaration, keys as under
 * {@code tenantkit.tenants.<id>.*}: {@code name}, {@code parent}, {@code locale}, {@code currency},
 * {@code time-zone}, {@code status}, {@code attributes.<name>}) and every other key, the tenant's configuration.
 *
 * @param tenant whose file it is
 * @param location the file, as shown in messages
 * @param declaration the {@code tenant:} block's values by key; empty when the file declares nothing
 * @param configuration the other values by key, in file order
 */
public record TenantFile(TenantId tenant, String location, Map<String, ConfigValue> declaration,
        Map<String, ConfigValue> configuration) {

    /** Copies the maps, keeping their order. */
    public TenantFile {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(location, "location");
        declaration = Collections.unmodifiableMap(new LinkedHashMap<>(declaration));
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    }
}
