package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the tenant travels inside Spring: task executors, schedulers and per-tenant scheduled jobs.
 *
 * @param enabled Whether Spring Boot's task executor and scheduler get the TenantKit task decorator
 *        (tenant, MDC and Micrometer context), composed with the application's own decorators.
 * @param mdc Whether the submitting thread's MDC entries, not only the tenant, reach the task.
 * @param contextSnapshot Whether the other Micrometer context-propagation values (observations,
 *        tracing) reach the task and are cleared afterwards. Needs io.micrometer:context-propagation.
 * @param scheduling Per-tenant scheduled jobs (@PerTenant).
 */
@ConfigurationProperties("tenantkit.propagation")
public record TenantPropagationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean mdc,
        @DefaultValue("true") boolean contextSnapshot, @DefaultValue Scheduling scheduling) {

    /**
     * Per-tenant scheduled jobs.
     *
     * @param enabled Whether methods annotated with @PerTenant run once per active tenant.
     */
    public record Scheduling(@DefaultValue("true") boolean enabled) {
    }
}
