package io.tenantkit.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tenant on Kafka records (spring-kafka).
 *
 * @param enabled Whether records sent inside a tenant scope carry the tenant header and record listeners
 *        run inside the tenant their record's header names.
 * @param headerName Name of the record header carrying the tenant id. When not set, the header the web
 *        entry reads (tenantkit.web.header.name), so that HTTP and Kafka carry the tenant alike.
 * @param tenantlessGroupIds Consumer group ids (a @KafkaListener's id unless it sets groupId) whose record
 *        listeners run without a tenant, for topics that are tenant-less by design. Every other record
 *        listener refuses a record that names no tenant this service serves.
 */
@ConfigurationProperties("tenantkit.kafka")
public record TenantKafkaProperties(@DefaultValue("true") boolean enabled, @Nullable String headerName,
        @DefaultValue List<String> tenantlessGroupIds) {
}
