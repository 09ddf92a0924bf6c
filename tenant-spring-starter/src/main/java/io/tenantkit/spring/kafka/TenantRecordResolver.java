package io.tenantkit.spring.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.spring.kafka.TenantRecordException.Reason;
import io.tenantkit.tenant.SafeText;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The tenant a consumed record names in its tenant header, checked against the {@link TenantRegistry}:
 * an active tenant, or a {@link TenantRecordException} (missing header, malformed id, several differing
 * headers, unknown, inactive or suspended tenant). The header is the only thing trusted; trace baggage
 * never chooses a tenant.
 *
 * <p>Batch listeners, which no record interceptor reaches, process a batch that mixes tenants record by
 * record with {@link #forEach}:
 *
 * <pre>{@code
 * @KafkaListener(topics = "orders", batch = "true")
 * void onOrders(List<ConsumerRecord<String, String>> records) {
 *     tenantRecords.forEach(records, record -> orders.accept(record.value()));
 * }
 * }</pre>
 */
public final class TenantRecordResolver {

    private final TenantRegistry registry;
    private final String headerName;

    /**
     * A resolver reading the tenant id from {@code headerName}.
     *
     * @param registry the tenants this service serves
     * @param headerName the record header, such as {@code X-Tenant-Id}
     * @throws IllegalArgumentException if the header name is blank
     */
    public TenantRecordResolver(TenantRegistry registry, String headerName) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.headerName = requireHeaderName(headerName);
    }

    /** The record header holding the tenant id. */
    public String headerName() {
        return headerName;
    }

    /**
     * The active tenant {@code record} names.
     *
     * @throws TenantRecordException naming the record and the reason when it names none
     */
    public Tenant resolve(ConsumerRecord<?, ?> record) {
        Iterator<Header> headers = record.headers().headers(headerName).iterator();
        if (!headers.hasNext()) {
            throw refused(record, Reason.MISSING, "it has no " + headerName + " header.");
        }
        byte[] value = headers.next().value();
        while (headers.hasNext()) {
            if (!Arrays.equals(value, headers.next().value())) {
                throw refused(record, Reason.MALFORMED, "it has several " + headerName + " headers that differ.");
            }
        }
        String raw = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        if (!TenantId.isValid(raw)) {
            throw refused(record, Reason.MALFORMED, "its " + headerName + " header " + SafeText.quote(raw)
                    + " is not a tenant id (" + TenantId.RULE + ").");
        }
        Tenant tenant = registry.snapshot().findOrNull(TenantId.of(raw));
        if (tenant == null || tenant.status() == TenantStatus.INACTIVE) {
            throw refused(record, Reason.UNKNOWN, "its " + headerName + " header names tenant '" + raw
                    + "', which this service does not serve.");
        }
        if (tenant.status() == TenantStatus.SUSPENDED) {
            throw refused(record, Reason.SUSPENDED, "its " + headerName + " header names tenant '" + raw + "', which is suspended.");
        }
        return tenant;
    }

    /**
     * Runs {@code action} for each record, in order, inside the tenant the record names; the thread holds no
     * tenant between records. The first record that names no served tenant, or whose action throws, ends the
     * batch with a {@link BatchListenerFailedException} carrying its index (the cause is the
     * {@link TenantRecordException} or the action's exception): spring-kafka's {@code DefaultErrorHandler}
     * then commits the records before it and hands that one to its recoverer, such as a dead-letter topic.
     *
     * @param records a batch, as a batch listener receives it
     * @param action what to do with one record
     * @throws BatchListenerFailedException naming the failed record's index
     */
    public <K, V> void forEach(List<ConsumerRecord<K, V>> records, Consumer<? super ConsumerRecord<K, V>> action) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<K, V> record = records.get(i);
            try (TenantScope ignored = TenantContext.enter(resolve(record))) {
                action.accept(record);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Record " + i + " of the batch failed: " + e.getMessage(), e, i);
            }
        }
    }

    static String requireHeaderName(String headerName) {
        if (headerName == null || headerName.isBlank()) {
            throw new IllegalArgumentException("The tenant header name must not be blank; use the HTTP header name, such as X-Tenant-Id.");
        }
        return headerName;
    }

    private static TenantRecordException refused(ConsumerRecord<?, ?> record, Reason reason, String detail) {
        return new TenantRecordException(record.topic(), record.partition(), record.offset(), reason, detail);
    }
}
