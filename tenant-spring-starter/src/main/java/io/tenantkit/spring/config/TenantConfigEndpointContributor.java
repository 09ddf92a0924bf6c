package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.spring.actuate.TenantEndpointContributor;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds {@code configuration} to {@code /actuator/tenants/{id}}: the tenant's effective configuration, every key
 * of its tenant files with its value and origin (layer, file, line) and the values it overrides; nothing for a
 * tenant without tenant files, and nothing on the list of all tenants. Values are
 * masked unless {@code management.endpoint.tenants.show-values} is {@code always}, and then still passed
 * through the application's {@code SanitizingFunction}s, as Boot's {@code env} endpoint does
 * ({@code when-authorized} masks too: the contribution does not see the caller).
 */
public final class TenantConfigEndpointContributor implements TenantEndpointContributor {

    private final TenantConfigStore store;
    private final Sanitizer sanitizer;
    private final Show show;

    /**
     * A contributor reading {@code store}.
     *
     * @param sanitizer the application's sanitizing functions
     * @param show whether values are shown ({@code management.endpoint.tenants.show-values})
     */
    public TenantConfigEndpointContributor(TenantConfigStore store, Sanitizer sanitizer, Show show) {
        this.store = store;
        this.sanitizer = sanitizer;
        this.show = show;
    }

    @Override
    public String name() {
        return "configuration";
    }

    @Override
    public @Nullable Object contribute(TenantSnapshot snapshot) {
        return null;
    }

    @Override
    public @Nullable Object contribute(Tenant tenant, TenantSnapshot snapshot) {
        TenantConfigGeneration generation = store.generation();
        if (generation.snapshot().indexOf(tenant.id()) < 0 || generation.values(tenant.id()).isEmpty()) {
            return null;
        }
        MapPropertySource source = new MapPropertySource("tenant " + tenant.id(), Map.of());
        boolean shown = show == Show.ALWAYS;
        List<Map<String, Object>> keys = new ArrayList<>();
        for (String key : generation.values(tenant.id()).keySet()) {
            List<ConfigValue> layers = generation.explain(tenant.id(), key);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("value", sanitizer.sanitize(new SanitizableData(source, key, layers.get(0).value()), shown));
            entry.put("origin", layers.get(0).origin().toString());
            if (layers.size() > 1) {
                entry.put("overrides", layers.subList(1, layers.size()).stream().map(v -> v.origin().toString()).toList());
            }
            keys.add(entry);
        }
        return Map.of("generation", generation.number(), "keys", keys);
    }
}
