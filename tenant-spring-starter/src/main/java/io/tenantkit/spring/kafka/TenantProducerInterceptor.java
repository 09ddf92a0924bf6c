package io.tenantkit.spring.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.SafeText;
import io.tenantkit.tenant.Tenant;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Stamps the current tenant's id as a header on every record sent inside a tenant scope. A record that
 * already carries the header with the same id keeps one copy; one naming another tenant is refused (the
 * send throws {@link IllegalStateException} on the calling thread), never forwarded: a record belongs to
 * the tenant it is sent in. Outside a tenant scope the record is left as it is (a dead-letter copy keeps
 * the header of the record that failed), and the consumer checks whatever it carries.
 *
 * <p>Spring Boot wires no {@code ProducerInterceptor} bean into {@code KafkaTemplate}: TenantKit sets this
 * one on every {@code KafkaTemplate} bean, after the template's own interceptor. A template built outside
 * the context gets it with {@code template.setProducerInterceptor(interceptor)}. It must run on the
 * sending thread, so it is set on the template, not listed in the producer's {@code interceptor.classes}.
 */
public final class TenantProducerInterceptor implements ProducerInterceptor<Object, Object> {

    private final String headerName;

    /**
     * An interceptor writing the tenant id into {@code headerName}.
     *
     * @param headerName the record header, such as {@code X-Tenant-Id}
     * @throws IllegalArgumentException if the header name is blank
     */
    public TenantProducerInterceptor(String headerName) {
        this.headerName = TenantRecordResolver.requireHeaderName(headerName);
    }

    /** The record header this interceptor writes. */
    public String headerName() {
        return headerName;
    }

    /**
     * Stamps {@code record} with the current tenant.
     *
     * @throws IllegalStateException if the record's header names another tenant
     */
    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            return record;
        }
        byte[] id = tenant.id().value().getBytes(StandardCharsets.UTF_8);
        Headers headers = record.headers();
        boolean present = false;
        for (Header header : headers.headers(headerName)) {
            if (!Arrays.equals(id, header.value())) {
                String other = header.value() == null ? "nothing" : SafeText.quote(new String(header.value(), StandardCharsets.UTF_8));
                throw new IllegalStateException("Refused to send a record to topic " + SafeText.quote(record.topic()) + " inside tenant '"
                        + tenant.id() + "': its " + headerName + " header names " + other + ". A record carries the tenant it is sent "
                        + "in: send it inside that tenant's scope (TenantContext.runAs), without setting the header yourself.");
            }
            present = true;
        }
        if (present) {
            headers.remove(headerName);
        }
        headers.add(headerName, id);
        return record;
    }

    @Override
    public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    /**
     * An interceptor calling {@code first} and then this one, so that the header is checked after whatever
     * {@code first} changed. Unlike spring-kafka's {@code CompositeProducerInterceptor}, a refusal is not
     * swallowed.
     */
    ProducerInterceptor<Object, Object> after(ProducerInterceptor<Object, Object> first) {
        return new Chain(Objects.requireNonNull(first, "first"), this);
    }

    /** Whether {@code interceptor} is this one or a chain ending in it. */
    boolean isAttachedAs(@Nullable ProducerInterceptor<?, ?> interceptor) {
        return interceptor == this || (interceptor instanceof Chain chain && chain.last == this);
    }

    private record Chain(ProducerInterceptor<Object, Object> first, TenantProducerInterceptor last)
            implements ProducerInterceptor<Object, Object> {

        @Override
        public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
            return last.onSend(first.onSend(record));
        }

        @Override
        public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
            first.onAcknowledgement(metadata, exception);
        }

        @Override
        public void close() {
            first.close();
        }

        @Override
        public void configure(Map<String, ?> configs) {
            first.configure(configs);
        }
    }
}
