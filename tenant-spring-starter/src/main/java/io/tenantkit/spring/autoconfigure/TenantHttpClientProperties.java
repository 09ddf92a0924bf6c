package io.tenantkit.spring.autoconfigure;

import java.util.List;

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
 * @param allowedBaseUrls Base URLs of the services that may receive the tenant header, such as
 *        https://billing.internal or https://api.example/v1: same scheme, host and port, path at or
 *        below. A call to any other URL carries no tenant header (one the caller set is removed), so
 *        tenant ids are not sent to third parties. Empty: every call carries it.
 */
@ConfigurationProperties("tenantkit.http-client")
public record TenantHttpClientProperties(@DefaultValue("true") boolean enabled, @Nullable String headerName,
        @DefaultValue List<String> allowedBaseUrls) {
}
