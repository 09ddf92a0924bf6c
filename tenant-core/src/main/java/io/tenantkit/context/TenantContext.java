package io.tenantkit.context;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import com.alibaba.ttl.TransmittableThreadLocal.Transmitter;

/**
 * The tenant of the current thread.
 *
 * <p>Entered only through scopes, which restore the previous tenant when closed:
 * {@link #enter(Tenant)} in try-with-resources, {@link #runAs}, {@link #callAs}, {@link #supplyAs}.
 * There is no unscoped setter. While a tenant is current, the SLF4J MDC holds its id under
 * {@value #MDC_KEY}.
 *
 * <p>The tenant sits in a plain {@link ThreadLocal}, so reading it costs what a {@code ThreadLocal}
 * read costs; it is never inherited by threads created while it is set. Handing it to other threads
 * is the job of {@code io.tenantkit.propagation.TenantExecutors} (through {@link TenantHandOff}), of
 * TTL (this class registers itself with TTL's {@code Transmitter}, so {@code TtlRunnable} and the TTL
 * agent carry it too) and of {@link TenantThreadLocalAccessor} for Micrometer context-propagation.
 */
public final class TenantContext {

    /** The MDC key holding the current tenant id. */
    public static final String MDC_KEY = "tenant";

    static final ThreadLocal<@Nullable Frame> SLOT = new ThreadLocal<>();

    static {
        Transmitter.registerTransmittee(new TenantTransmittee());
    }

    private TenantContext() {
    }

    /** The current tenant, if any. */
    public static Optional<Tenant> current() {
        return Optional.ofNullable(currentOrNull());
    }

    /** The current tenant, or null. The allocation-free read for hot paths. */
    public static @Nullable Tenant currentOrNull() {
        Frame frame = SLOT.get();
        return frame == null ? null : frame.tenant;
    }

    /**
     * The current tenant.
     *
     * @throws MissingTenantException if no tenant is current
     */
    public static Tenant require() {
        Tenant tenant = currentOrNull();
        if (tenant == null) {
            throw missing("this code");
        }
        return tenant;
    }

    /**
     * A {@link MissingTenantException} saying that {@code what} needs a tenant and how to provide one.
     * For libraries that fail closed on their own paths (an extension call, a cache access).
     */
    public static MissingTenantException missing(String what) {
        return new MissingTenantException("No tenant is set on thread '" + Thread.currentThread().getName()
                + "', but " + what + " needs one. Enter it where the work comes in (a request, a message, a job) "
                + "with TenantContext.enter/runAs/callAs, or hand it to this thread with TenantExecutors.wrap(...); "
                + "TenantKit never falls back to a default tenant.");
    }

    /**
     * Makes {@code tenant} current until the returned scope is closed. Nesting works; closing restores
     * the previous tenant and MDC value exactly.
     */
    public static TenantScope enter(Tenant tenant) {
        return push(Objects.requireNonNull(tenant, "tenant"), false);
    }

    /** Runs {@code action} with {@code tenant} current, restoring the previous tenant afterwards. */
    public static void runAs(Tenant tenant, Runnable action) {
        try (TenantScope ignored = enter(tenant)) {
            action.run();
        }
    }

    /** Calls {@code action} with {@code tenant} current, restoring the previous tenant afterwards. */
    public static <V> V callAs(Tenant tenant, Callable<V> action) throws Exception {
        try (TenantScope ignored = enter(tenant)) {
            return action.call();
        }
    }

    /** Like {@link #callAs} for a {@link Supplier}, which throws no checked exception. */
    public static <V> V supplyAs(Tenant tenant, Supplier<V> action) {
        try (TenantScope ignored = enter(tenant)) {
            return action.get();
        }
    }

    // --- used by the propagation adapters in this package ---

    /**
     * Pushes a frame for {@code tenant} (null: no tenant) and mirrors it into the MDC. While a frame with
     * a tenant is current, the MDC holds its id; the MDC is written only when the value changes (a
     * nested scope or hand-off of the tenant already current leaves it as it is).
     */
    static Frame push(@Nullable Tenant tenant, boolean propagated) {
        Frame previous = SLOT.get();
        String previousMdc = previous != null && previous.tenant != null && !previous.closed
                ? previous.tenant.id().value() : MDC.get(MDC_KEY);
        Frame frame = new Frame(tenant, previous, previousMdc, propagated);
        SLOT.set(frame);
        String mdc = tenant == null ? null : tenant.id().value();
        if (!Objects.equals(mdc, previousMdc)) {
            putMdc(mdc);
        }
        return frame;
    }

    /** Pops {@code frame}, restoring the slot and MDC value from before it was pushed. */
    static void pop(Frame frame) {
        frame.closed = true;
        SLOT.set(frame.previous);
        putMdc(frame.previousMdc);
    }

    /**
     * Pops {@code frame}, the current one: the MDC still holds its value, so it is written only when
     * the value from before differs.
     */
    static void popTop(Frame frame) {
        frame.closed = true;
        SLOT.set(frame.previous);
        if (!Objects.equals(frame.tenant == null ? null : frame.tenant.id().value(), frame.previousMdc)) {
            putMdc(frame.previousMdc);
        }
    }

    private static void putMdc(@Nullable String value) {
        if (value == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, value);
        }
    }
}
