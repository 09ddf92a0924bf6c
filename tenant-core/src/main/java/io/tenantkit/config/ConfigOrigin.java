package io.tenantkit.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a configuration value comes from: its layer, and the file and line where known.
 *
 * @param layer the layer: {@code application}, {@code module} (a {@code tenants/<id>/tenant.yml} on the class
 *        path) or {@code operator} (a file of the {@code tenantkit.config.dir} directory)
 * @param tenant the tenant whose layer it is, null for the application layer
 * @param file the file, null if not from a file
 * @param line the line (1-based), 0 if unknown
 */
public record ConfigOrigin(String layer, @Nullable String tenant, @Nullable String file, int line) {

    /** The layer of the shared application configuration. */
    public static final String APPLICATION = "application";

    /** The layer of a module's {@code tenants/<id>/tenant.yml}. */
    public static final String MODULE = "module";

    /** The layer of an operator's {@code <id>.yml}. */
    public static final String OPERATOR = "operator";

    /** Checks the layer. */
    public ConfigOrigin {
        Objects.requireNonNull(layer, "layer");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(layer);
        if (tenant != null) {
            out.append(" '").append(tenant).append('\'');
        }
        if (file != null) {
            out.append(' ').append(file);
            if (line > 0) {
                out.append(':').append(line);
            }
        }
        return out.toString();
    }
}
