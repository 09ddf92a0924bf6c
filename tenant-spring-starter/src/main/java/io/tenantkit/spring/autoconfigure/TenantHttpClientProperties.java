package io.tenantkit.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant header on outgoing HTTP calls made with Spring Boot's {@code RestClient.Builder},
 * {@code RestTemplateBuilder} and {@code WebClient.Builder}.
 *
 * @param enabled Whether outgoing calls carry the current tenant's id.
 * @param headerName Name of the request header carrying the tenant id. When not set, the header the
 *        web entry reads (tenantkit.web.header.name), so that the services of one system understand
 *        each other.
 */
@ConfigurationProperties("tenantkit.http-client")
public record TenantHttpClientProperties(@DefaultValue("true") boolean enabled, @Nullable String headerName) {
}
