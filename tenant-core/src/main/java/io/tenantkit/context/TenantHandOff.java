package io.tenantkit.context;

import io.tenantkit.tenant.Tenant;

/**
 * The tenant of one thread captured to be entered on another: what TenantKit's executors, futures and
 * task decorators carry with each task. For integrations that hand work between threads themselves
 * (a queue of their own, a message listener container); everything else uses
 * {@code io.tenantkit.propagation.TenantExecutors}.
 *
 * <pre>{@code
 * TenantHandOff handOff = TenantHandOff.capture();   // on the submitting thread
 * queue.add(() -> {
 *     try (TenantHandOff.Scope scope = handOff.enter()) {   // on the worker
 *         work.run();
 *     }
 * });
 * }</pre>
 *
 * <p>When the tenant is all there is to carry, which is the case unless the application uses
 * {@code TransmittableThreadLocal} itself, a capture reads one thread local and allocates nothing, and
 * {@link #enter()} pushes the tenant and its MDC value. When the submitting thread holds another
 * {@code TransmittableThreadLocal} value, or TTL has other thread locals or transmittees registered,
 * the capture is TTL's own ({@code Transmitter.capture()}, which includes the tenant), replayed and
 * restored by TTL. A capture is immutable and can be entered any number of times, on any threads.
 */
public sealed interface TenantHandOff permits TenantOnly, TtlCapture {

    /** Captures the current thread's tenant (or its absence), with every other TTL value when there is one. */
    static TenantHandOff capture() {
        if (!TtlValues.onlyTheTenant()) {
            return TtlCapture.capture();
        }
        Frame top = TenantContext.SLOT.get();
        return top == null ? TenantOnly.NONE : top.handOff();
    }

    /**
     * Enters the captured tenant on the current thread (no tenant, if none was captured), MDC included,
     * until the returned scope is closed. Whatever the thread held before comes back on close.
     */
    Scope enter();

    /**
     * A hand-off entered on a thread. Closing it restores what the thread held before {@link #enter()}:
     * tenant, {@code tenant} MDC value and TTL values; a scope the task entered and left open is
     * discarded with it, so that a pooled thread never keeps a tenant. Close it on the thread that
     * entered it; closing twice does nothing.
     */
    sealed interface Scope extends AutoCloseable permits Frame, TtlScope {

        @Override
        void close();
    }
}
