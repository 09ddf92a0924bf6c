package io.tenantkit.spring.kafka;

import java.util.Objects;

import io.tenantkit.tenant.SafeText;

/**
 * Thrown for a consumed record that does not name a tenant this service serves. It reaches the
 * listener container's error handler instead of the listener, so a dead-letter topic can take the
 * record; the message names the topic, partition, offset, header and reason, with record data escaped.
 * Retrying cannot help: TenantKit marks it not retryable on every {@code DefaultErrorHandler} bean.
 */
public final class TenantRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a record was refused. */
    public enum Reason {
        /** The record has no tenant header. */
        MISSING,
        /** The header is not a tenant id, or the record carries several that differ. */
        MALFORMED,
        /** The header names a tenant this service does not serve (unknown or inactive). */
        UNKNOWN,
        /** The header names a suspended tenant. */
        SUSPENDED
    }

    private final String topic;
    private final int partition;
    private final long offset;
    private final Reason reason;

    TenantRecordException(String topic, int partition, long offset, Reason reason, String detail) {
        super("Kafka record " + SafeText.quote(topic) + " partition " + partition + " offset " + offset + " refused ("
                + reason + "): " + detail + " TenantKit runs a record listener only inside a tenant this service serves; "
                + "the producer stamps it when it sends inside a tenant scope. For a topic that is tenant-less by design, "
                + "list the listener's group id in tenantkit.kafka.tenantless-group-ids.");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The record's topic. */
    public String topic() {
        return topic;
    }

    /** The record's partition. */
    public int partition() {
        return partition;
    }

    /** The record's offset. */
    public long offset() {
        return offset;
    }

    /** Why the record was refused. */
    public Reason reason() {
        return reason;
    }
}
