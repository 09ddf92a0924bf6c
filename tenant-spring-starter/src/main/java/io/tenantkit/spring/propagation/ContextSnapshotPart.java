package io.tenantkit.spring.propagation;

import java.util.function.Predicate;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.tenantkit.context.TenantThreadLocalAccessor;

/**
 * The Micrometer context-propagation part of {@link TenantTaskDecorator}, kept in its own class so that
 * the decorator loads without context-propagation on the classpath. {@code clearMissing(true)}: a value
 * the submitter did not have is cleared on the worker for the task, never left over from an earlier one.
 * The tenant key is left out: the tenant travels through {@code TenantExecutors} (TTL), once.
 */
final class ContextSnapshotPart {

    private static final Predicate<Object> NOT_TENANT = key -> !TenantThreadLocalAccessor.KEY.equals(key);

    private final ContextSnapshotFactory factory = ContextSnapshotFactory.builder()
            .clearMissing(true)
            .captureKeyPredicate(NOT_TENANT)
            .build();

    Runnable wrap(Runnable task) {
        ContextSnapshot snapshot = factory.captureAll();
        return () -> {
            try (ContextSnapshot.Scope ignored = snapshot.setThreadLocals(NOT_TENANT)) {
                task.run();
            }
        };
    }
}
