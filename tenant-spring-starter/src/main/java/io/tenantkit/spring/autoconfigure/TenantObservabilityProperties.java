package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tenant} tag on HTTP server observations and metrics ({@code http.server.requests}).
 *
 * @param enabled Whether HTTP server observations get the 'tenant' key.
 * @param requestHeader Request header naming the tenant, read for requests that were not served under
 *     a tenant (rejected ones, for example), so that they count as 'unknown' rather than 'none'.
 */
@ConfigurationProperties("tenantkit.observability")
public record TenantObservabilityProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("X-Tenant-Id") String requestHeader) {
}
