package io.tenantkit.spring.config;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

/**
 * The tenant files' layer of one binding, swapped from tenant to tenant so that one {@code Binder} per class
 * binds every tenant: the properties of the tenant being bound, by name. Not thread-safe: one binding at a time.
 */
final class TenantSource implements IterableConfigurationPropertySource {

    /** Parsed names, shared by every tenant (the tenants of a fleet mostly write the same keys). */
    private final Map<String, ConfigurationPropertyName> names = new HashMap<>();
    private Map<ConfigurationPropertyName, ConfigurationProperty> properties = Map.of();

    /** The name of {@code key}, parsed once. */
    ConfigurationPropertyName name(String key) {
        return names.computeIfAbsent(key, k -> ConfigurationPropertyName.adapt(k, '.'));
    }

    /** Binds from {@code next} from now on. */
    void use(Map<ConfigurationPropertyName, ConfigurationProperty> next) {
        properties = next;
    }

    @Override
    public @Nullable ConfigurationProperty getConfigurationProperty(ConfigurationPropertyName name) {
        return properties.get(name);
    }

    @Override
    public Stream<ConfigurationPropertyName> stream() {
        return properties.keySet().stream();
    }

    @Override
    public String toString() {
        return "tenant files";
    }
}
