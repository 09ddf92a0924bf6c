package io.tenantkit.spring.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Runs each record listener inside the tenant the record's header names ({@link TenantRecordResolver}),
 * the MDC key {@code tenant} included; after the record (success, failure and error handler alike) the
 * consumer thread holds no tenant and no MDC value. A record that names no served tenant never reaches the
 * listener: the {@link TenantRecordException} goes to the container's error handler. Listeners whose
 * consumer group is listed as tenant-less run without a tenant, whatever the header says.
 *
 * <p>Spring Boot applies one {@code RecordInterceptor<Object, Object>} bean to its listener container
 * factory, so this one is {@code @Primary} and composes the application's own: they run after it (inside
 * the tenant) on {@code intercept}, and before it closes the tenant on {@code afterRecord}.
 */
public final class TenantRecordInterceptor implements RecordInterceptor<Object, Object> {

    private final TenantRecordResolver resolver;
    private final Set<String> tenantlessGroupIds;
    private final List<RecordInterceptor<Object, Object>> delegates;
    private final ThreadLocal<@Nullable TenantScope> open = new ThreadLocal<>();

    /**
     * An interceptor entering the tenant {@code resolver} finds, then calling {@code delegates} in order.
     *
     * @param resolver reads and checks the tenant header
     * @param tenantlessGroupIds consumer group ids (a listener's id unless it sets a group id) whose records
     *        run without a tenant
     * @param delegates the application's own interceptors
     */
    public TenantRecordInterceptor(TenantRecordResolver resolver, Collection<String> tenantlessGroupIds,
            List<? extends RecordInterceptor<Object, Object>> delegates) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.tenantlessGroupIds = Set.copyOf(tenantlessGroupIds);
        this.delegates = List.copyOf(delegates);
    }

    @Override
    public @Nullable ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        close();
        String groupId = KafkaUtils.getConsumerGroupId();
        if (groupId == null || !tenantlessGroupIds.contains(groupId)) {
            open.set(TenantContext.enter(resolver.resolve(record)));
        }
        ConsumerRecord<Object, Object> current = record;
        try {
            for (RecordInterceptor<Object, Object> delegate : delegates) {
                current = delegate.intercept(current, consumer);
                if (current == null) {
                    return null;
                }
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return current;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        for (RecordInterceptor<Object, Object> delegate : delegates) {
            delegate.success(record, consumer);
        }
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        for (RecordInterceptor<Object, Object> delegate : delegates) {
            delegate.failure(record, exception, consumer);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        try {
            for (RecordInterceptor<Object, Object> delegate : delegates) {
                delegate.afterRecord(record, consumer);
            }
        } finally {
            close();
        }
    }

    @Override
    public void setupThreadState(Consumer<?, ?> consumer) {
        for (RecordInterceptor<Object, Object> delegate : delegates) {
            delegate.setupThreadState(consumer);
        }
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        try {
            for (RecordInterceptor<Object, Object> delegate : delegates) {
                delegate.clearThreadState(consumer);
            }
        } finally {
            close();
        }
    }

    /** Closes the scope this thread's last record opened, if it is still open. */
    private void close() {
        TenantScope scope = open.get();
        if (scope != null) {
            open.remove();
            scope.close();
        }
    }
}
