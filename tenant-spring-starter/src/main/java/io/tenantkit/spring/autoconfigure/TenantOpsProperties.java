package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations page for SREs ({@code /actuator/tenantops}).
 *
 * @param enabled Whether to serve the operations page at /actuator/tenantops (expose the 'tenantops' endpoint too).
 */
@ConfigurationProperties("tenantkit.ops")
public record TenantOpsProperties(@DefaultValue("false") boolean enabled) {
}
