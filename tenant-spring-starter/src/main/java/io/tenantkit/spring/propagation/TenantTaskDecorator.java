package io.tenantkit.spring.propagation;

import java.util.Map;
import java.util.Objects;

import io.tenantkit.context.TenantContext;
import io.tenantkit.propagation.TenantExecutors;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;
import org.springframework.util.ClassUtils;

/**
 * One {@link TaskDecorator} that hands the submitting thread's context to the task: the tenant (with
 * its MDC value), the rest of the SLF4J MDC, and every other Micrometer context-propagation value
 * (observations, tracing) when context-propagation is on the classpath. After the task the worker
 * thread holds exactly what it held before: a pooled thread keeps no tenant, no MDC entry and no
 * stale context value, because the context snapshot is restored with {@code clearMissing(true)}.
 *
 * <p>Spring Boot composes every {@code TaskDecorator} bean, in order, into the decorator of its task
 * executor and scheduler. This one has the lowest precedence, so it is applied last and runs
 * outermost: the application's own decorators run inside it and already see the tenant.
 *
 * <p>Use it on an executor that Spring Boot does not build:
 * {@code executor.setTaskDecorator(tenantTaskDecorator)}.
 */
public final class TenantTaskDecorator implements TaskDecorator, Ordered {

    private static final boolean CONTEXT_PROPAGATION_PRESENT = ClassUtils.isPresent(
            "io.micrometer.context.ContextSnapshotFactory", TenantTaskDecorator.class.getClassLoader());

    private final boolean copyMdc;
    private final @Nullable ContextSnapshotPart contextSnapshot;

    /**
     * A decorator carrying the tenant, and as asked the rest of the MDC and the Micrometer context
     * snapshot (ignored when context-propagation is not on the classpath).
     *
     * @param copyMdc whether the submitter's MDC entries (other than the tenant's) reach the task
     * @param contextSnapshot whether other context-propagation values reach the task
     */
    public TenantTaskDecorator(boolean copyMdc, boolean contextSnapshot) {
        this.copyMdc = copyMdc;
        this.contextSnapshot = contextSnapshot && CONTEXT_PROPAGATION_PRESENT ? new ContextSnapshotPart() : null;
    }

    /** A decorator carrying the tenant, the MDC and, when present, the Micrometer context snapshot. */
    public TenantTaskDecorator() {
        this(true, true);
    }

    @Override
    public Runnable decorate(Runnable runnable) {
        Objects.requireNonNull(runnable, "runnable");
        Runnable task = runnable;
        if (contextSnapshot != null) {
            task = contextSnapshot.wrap(task);
        }
        if (copyMdc) {
            task = MdcCopy.wrap(task);
        }
        return TenantExecutors.wrap(task);
    }

    /** Whether the Micrometer context snapshot is part of this decorator. */
    public boolean propagatesContextSnapshot() {
        return contextSnapshot != null;
    }

    /** Whether the submitter's MDC is copied to the task. */
    public boolean copiesMdc() {
        return copyMdc;
    }

    /** Lowest precedence: applied last, so it runs outermost around the application's decorators. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Copies the submitter's MDC, less the tenant entry (which always mirrors {@link TenantContext}),
     * onto the worker for the task, and puts the worker's own MDC back afterwards.
     */
    static final class MdcCopy implements Runnable {

        private final Runnable task;
        private final @Nullable Map<String, String> captured;

        private MdcCopy(Runnable task, @Nullable Map<String, String> captured) {
            this.task = task;
            this.captured = captured;
        }

        static Runnable wrap(Runnable task) {
            Map<String, String> captured = MDC.getCopyOfContextMap();
            if (captured != null) {
                captured.remove(TenantContext.MDC_KEY);
                if (captured.isEmpty()) {
                    captured = null;
                }
            }
            return new MdcCopy(task, captured);
        }

        @Override
        public void run() {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            String tenant = MDC.get(TenantContext.MDC_KEY);
            MDC.clear();
            if (captured != null) {
                MDC.setContextMap(captured);
            }
            if (tenant != null) {
                MDC.put(TenantContext.MDC_KEY, tenant);
            }
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        }
    }
}
