package io.tenantkit.config;

import org.jspecify.annotations.Nullable;

/**
 * The weakest layer, shared by every tenant: the application's own configuration (in Spring, the
 * {@code Environment}). Asked for one key at a time, so it need not list its keys.
 */
@FunctionalInterface
public interface ConfigDefaults {

    /** No application defaults. */
    ConfigDefaults NONE = key -> null;

    /** The application's value of {@code key}, null if it has none. */
    @Nullable ConfigValue find(String key);
}
