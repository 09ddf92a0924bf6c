package io.tenantkit.config;

import java.util.Objects;

/**
 * One configuration value with its origin.
 *
 * @param key the flat key ({@code marketplace.fees.rate}, {@code channels[0]})
 * @param value the value as written
 * @param origin where it is written
 */
public record ConfigValue(String key, String value, ConfigOrigin origin) {

    /** Checks the components. */
    public ConfigValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
