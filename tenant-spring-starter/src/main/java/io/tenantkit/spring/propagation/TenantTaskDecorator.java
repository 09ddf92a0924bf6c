package io.tenantkit.spring.propagation;

import java.util.Map;
import java.util.Objects;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantHandOff;
import io.tenantkit.tenant.Tenant;

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
        TenantHandOff handOff = TenantHandOff.capture();
        return new Decorated(runnable, handOff, copyMdc ? mdc() : null,
                contextSnapshot == null ? null : contextSnapshot.capture());
    }

    /** Lowest precedence: applied last, so it runs outermost around the application's decorators. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Names the parts this decorator carries, for example {@code TenantTaskDecorator[tenant, mdc]}. */
    @Override
    public String toString() {
        return "TenantTaskDecorator[tenant" + (copyMdc ? ", mdc" : "") + (contextSnapshot != null ? ", context-snapshot" : "")
                + "]";
    }

    /**
     * The submitter's MDC as the task must see it, with the {@code tenant} entry exactly as the hand-off
     * sets it (never one the submitter's MDC holds without a current tenant); {@link #NO_MDC} when empty.
     */
    private static Map<String, String> mdc() {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Tenant tenant = TenantContext.currentOrNull();
        String tenantId = tenant == null ? null : tenant.id().value();
        if (mdc == null || mdc.isEmpty()) {
            return tenantId == null ? NO_MDC : Map.of(TenantContext.MDC_KEY, tenantId);
        }
        if (!Objects.equals(mdc.get(TenantContext.MDC_KEY), tenantId)) {
            if (tenantId == null) {
                mdc.remove(TenantContext.MDC_KEY);
            } else {
                mdc.put(TenantContext.MDC_KEY, tenantId);
            }
        }
        return mdc.isEmpty() ? NO_MDC : mdc;
    }

    /** The submitter had no MDC entry and no tenant: the task starts with an empty MDC. */
    private static final Map<String, String> NO_MDC = Map.of();

    /**
     * A decorated task. In order around it: the submitter's MDC replaces the worker's (when copied), the
     * context snapshot is set, the tenant is entered; on the way out each is undone in reverse, the
     * worker's own MDC last. A part with nothing to set and nothing to clear costs a check.
     */
    private final class Decorated implements Runnable {

        private final Runnable task;
        private final TenantHandOff handOff;
        /** The submitter's MDC, {@link #NO_MDC} for none; null when the MDC is not copied. */
        private final @Nullable Map<String, String> mdc;
        /** The submitter's context values; null for none, or no context snapshot. */
        private final @Nullable Object context;

        Decorated(Runnable task, TenantHandOff handOff, @Nullable Map<String, String> mdc, @Nullable Object context) {
            this.task = task;
            this.handOff = handOff;
            this.mdc = mdc;
            this.context = context;
        }

        @Override
        public void run() {
            Map<String, String> workerMdc = null;
            if (mdc != null) {
                workerMdc = MDC.getCopyOfContextMap();
                if (mdc != NO_MDC) {
                    MDC.setContextMap(mdc);
                } else if (workerMdc != null) {
                    MDC.clear();
                }
            }
            try {
                Runnable restoreContext = contextSnapshot == null ? null : contextSnapshot.set(context);
                try (TenantHandOff.Scope ignored = handOff.enter()) {
                    task.run();
                } finally {
                    if (restoreContext != null) {
                        restoreContext.run();
                    }
                }
            } finally {
                if (mdc != null) {
                    if (workerMdc == null || workerMdc.isEmpty()) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(workerMdc);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return TenantTaskDecorator.this + " " + task;
        }
    }
}
