package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant in trace baggage (Micrometer Tracing).
 *
 * @param baggage Mirroring the current tenant into trace baggage.
 */
@ConfigurationProperties("tenantkit.tracing")
public record TenantTracingProperties(@DefaultValue Baggage baggage) {

    /**
     * Mirroring the current tenant into trace baggage.
     *
     * @param enabled Whether observations started inside a tenant scope carry the tenant id in trace
     *        baggage. List the field in management.tracing.baggage.remote-fields to propagate it to other
     *        services. Baggage never chooses a tenant: the tenant header does.
     * @param field Name of the baggage field holding the tenant id.
     */
    public record Baggage(@DefaultValue("false") boolean enabled, @DefaultValue("tenant") String field) {
    }
}
