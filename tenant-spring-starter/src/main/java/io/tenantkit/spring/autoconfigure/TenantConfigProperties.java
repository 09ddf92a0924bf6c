package io.tenantkit.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-tenant configuration ({@code tenantkit.config.*}).
 *
 * @param dir Operator directory of per-tenant configuration files, one YAML file per tenant named after its id: the strongest
 *        configuration layer, created if missing when watched. When not set, there is no operator layer.
 * @param watch Whether the operator directory is watched and changed files are reloaded without a restart.
 * @param interval How often the operator directory is scanned for changes; file-system events may trigger a
 *        reload sooner.
 */
@ConfigurationProperties("tenantkit.config")
public record TenantConfigProperties(@Nullable Path dir, @DefaultValue("true") boolean watch,
        @DefaultValue("2s") Duration interval) {
}
