package io.tenantkit.logging;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

import ch.qos.logback.classic.Level;

/**
 * Hears about every WARN and ERROR event that is logged, with the tenant that was current when it was
 * logged: the source of a per-tenant error rate (see {@link TenantLogEvents}). Called on the logging
 * thread, so it must be quick and must not log.
 */
@FunctionalInterface
public interface TenantLogEventListener {

    /**
     * One event at {@code level} ({@link Level#WARN} or {@link Level#ERROR}).
     *
     * @param tenant the current tenant, or null if the event was logged outside any tenant
     * @param level the event's level
     */
    void onEvent(@Nullable Tenant tenant, Level level);
}
