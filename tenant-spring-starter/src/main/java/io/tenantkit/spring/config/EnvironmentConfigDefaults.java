package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigDefaults;
import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.ConfigValue;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * The application layer: a key's value from the Spring {@code Environment} (application.yml, system
 * properties, ...), with the file and line where Spring Boot tracks them.
 *
 * @param environment the environment
 */
public record EnvironmentConfigDefaults(Environment environment) implements ConfigDefaults {

    @Override
    public @Nullable ConfigValue find(String key) {
        if (!ConfigurationPropertyName.isValid(key)) {
            return null;
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null && property.getValue() != null) {
                ConfigOrigin origin = TenantConfigurationBinder.configOrigin(property.getOrigin());
                return new ConfigValue(key, String.valueOf(property.getValue()), origin != null ? origin
                        : new ConfigOrigin(ConfigOrigin.APPLICATION, null, null, 0));
            }
        }
        return null;
    }
}
