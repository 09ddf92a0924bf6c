package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tenant} tag on HTTP server observations and metrics ({@code http.server.requests}).
 *
 * @param enabled Whether HTTP server observations get the 'tenant' key.
 */
@ConfigurationProperties("tenantkit.observability")
public record TenantObservabilityProperties(@DefaultValue("true") boolean enabled) {
}
