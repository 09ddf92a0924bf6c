package io.tenantkit.spring.propagation;

import java.util.List;
import java.util.function.Predicate;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.ThreadLocalAccessor;
import io.tenantkit.context.TenantThreadLocalAccessor;

import org.jspecify.annotations.Nullable;

/**
 * The Micrometer context-propagation part of {@link TenantTaskDecorator}, kept in its own class so that
 * the decorator loads without context-propagation on the classpath. {@code clearMissing(true)}: a value
 * the submitter did not have is cleared on the worker for the task, never left over from an earlier one.
 * The tenant key is left out: the tenant travels through its {@code TenantHandOff}, once.
 *
 * <p>When neither side holds a value, which is the common case outside traced requests, nothing is
 * captured and nothing set: a snapshot would only clear values that are not there. The accessors are
 * asked for their values on both sides to know it.
 */
final class ContextSnapshotPart {

    private static final Predicate<Object> NOT_TENANT = key -> !TenantThreadLocalAccessor.KEY.equals(key);

    private final ContextRegistry registry = ContextRegistry.getInstance();
    private final ContextSnapshotFactory factory = ContextSnapshotFactory.builder()
            .contextRegistry(registry)
            .clearMissing(true)
            .captureKeyPredicate(NOT_TENANT)
            .build();
    /** Restored where the submitter had no value: clears every value of the worker (but the tenant). */
    private final ContextSnapshot clearing = factory.captureFrom();

    /** The submitter's values, or null when it has none. */
    @Nullable Object capture() {
        return anyValue() ? factory.captureAll() : null;
    }

    /**
     * Sets the captured values on this thread and clears the others; returns what puts back the thread's
     * own values, or null when there was nothing to set nor to clear.
     */
    @Nullable Runnable set(@Nullable Object captured) {
        ContextSnapshot snapshot;
        if (captured != null) {
            snapshot = (ContextSnapshot) captured;
        } else if (anyValue()) {
            snapshot = clearing;
        } else {
            return null;
        }
        return snapshot.setThreadLocals(NOT_TENANT)::close;
    }

    /** Whether any accessor but the tenant's holds a value on this thread. */
    private boolean anyValue() {
        List<ThreadLocalAccessor<?>> accessors = registry.getThreadLocalAccessors();
        for (int i = 0; i < accessors.size(); i++) {
            ThreadLocalAccessor<?> accessor = accessors.get(i);
            if (NOT_TENANT.test(accessor.key()) && accessor.getValue() != null) {
                return true;
            }
        }
        return false;
    }
}
