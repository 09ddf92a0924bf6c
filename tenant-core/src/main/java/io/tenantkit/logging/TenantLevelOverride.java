package io.tenantkit.logging;

import java.time.Instant;
import java.util.Objects;

import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;

import ch.qos.logback.classic.Level;

/**
 * A log level for one tenant and one logger (and the loggers below it), as set on a {@link TenantLevelFilter}.
 *
 * @param tenant the tenant it applies to
 * @param logger the logger name, a prefix of the loggers it covers ({@code ROOT} for all)
 * @param level the level: events at or above it are logged for this tenant, others are not
 * @param expiresAt when it stops applying, or null if it stays until removed
 */
public record TenantLevelOverride(TenantId tenant, String logger, Level level, @Nullable Instant expiresAt) {

    /** Checks that no component is null but {@code expiresAt}. */
    public TenantLevelOverride {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(level, "level");
    }
}
