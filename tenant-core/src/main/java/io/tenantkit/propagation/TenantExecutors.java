package io.tenantkit.propagation;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.tenantkit.context.TenantHandOff;

import com.alibaba.ttl.spi.TtlEnhanced;
import com.alibaba.ttl.threadpool.TtlExecutors;

/**
 * Wraps executors and tasks so that each task runs with the tenant that was current when it was
 * submitted, and leaves the worker thread as it found it (no tenant, no {@code tenant} MDC value).
 *
 * <p>Works for any executor: thread pools, {@code ForkJoinPool} (tasks submitted through the wrapper;
 * tasks a running task forks are not covered), scheduled executors (a periodic task keeps the tenant
 * it was scheduled with) and virtual-thread-per-task executors. A task submitted without a tenant
 * runs without one. Wrapping is idempotent: wrapping a wrapped executor or task returns it as is,
 * and so is an executor or task wrapped by TTL ({@code TtlExecutors}, {@code TtlRunnable}), which
 * carries the tenant already.
 *
 * <p>Each task carries a {@link TenantHandOff}: the tenant alone when that is all there is to carry
 * (one thread-local read when wrapped, a push and a pop of the tenant and its MDC value around the
 * run), or every {@code TransmittableThreadLocal} value with it, through TTL's own capture, when the
 * submitting thread holds other TTL values.
 *
 * <pre>{@code
 * ExecutorService pool = TenantExecutors.wrap(Executors.newFixedThreadPool(8));
 * try (TenantScope s = TenantContext.enter(jp)) {
 *     pool.submit(() -> fees.quote(order));   // runs as jp
 * }
 * }</pre>
 */
public final class TenantExecutors {

    private TenantExecutors() {
    }

    /** Wraps an executor. */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return isWrapped(executor) ? executor : new WrappedExecutor(executor);
    }

    /** Wraps an executor service (thread pools, {@code ForkJoinPool}, virtual-thread executors). */
    public static ExecutorService wrap(ExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return isWrapped(executor) ? executor : new WrappedExecutor.Service(executor);
    }

    /** Wraps a scheduled executor service; periodic tasks keep the tenant they were scheduled with. */
    public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return isWrapped(executor) ? executor : new WrappedExecutor.Scheduled(executor);
    }

    /** Wraps one task, capturing the current tenant now; for a raw {@code Thread} or a foreign executor. */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        return isWrapped(task) ? task : new HandedOff.OfRunnable(task, TenantHandOff.capture());
    }

    /** Wraps one task, capturing the current tenant now. */
    public static <V> Callable<V> wrap(Callable<V> task) {
        Objects.requireNonNull(task, "task");
        return isWrapped(task) ? task : new HandedOff.OfCallable<>(task, TenantHandOff.capture());
    }

    /** Wraps a supplier, capturing the current tenant now (for {@code CompletableFuture.supplyAsync}). */
    public static <V> Supplier<V> wrapSupplier(Supplier<V> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return isWrapped(supplier) ? supplier : new HandedOff.OfSupplier<>(supplier, TenantHandOff.capture());
    }

    /**
     * Wraps a {@code CompletableFuture} callback, capturing the current tenant now. A dependent stage
     * ({@code thenApplyAsync(fn, executor)}, {@code thenApply(fn)}) runs when the previous stage
     * completes, on the completing thread or handed to {@code executor} from there, so a wrapped
     * executor alone captures whatever that thread holds then; a wrapped callback runs as the
     * tenant that registered it, wherever and whenever it runs.
     */
    public static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
        Objects.requireNonNull(function, "function");
        return isWrapped(function) ? function : new HandedOff.OfFunction<>(function, TenantHandOff.capture());
    }

    /** Wraps a two-argument callback, capturing the current tenant now; see {@link #wrapFunction}. */
    public static <T, U, R> BiFunction<T, U, R> wrapBiFunction(BiFunction<T, U, R> function) {
        Objects.requireNonNull(function, "function");
        return isWrapped(function) ? function : new HandedOff.OfBiFunction<>(function, TenantHandOff.capture());
    }

    /** Wraps a consumer callback, capturing the current tenant now; see {@link #wrapFunction}. */
    public static <T> Consumer<T> wrapConsumer(Consumer<T> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return isWrapped(consumer) ? consumer : new HandedOff.OfConsumer<>(consumer, TenantHandOff.capture());
    }

    /** Wraps a two-argument consumer callback, capturing the current tenant now; see {@link #wrapFunction}. */
    public static <T, U> BiConsumer<T, U> wrapBiConsumer(BiConsumer<T, U> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return isWrapped(consumer) ? consumer : new HandedOff.OfBiConsumer<>(consumer, TenantHandOff.capture());
    }

    /**
     * Returns whether {@code executor} already carries the tenant to its tasks: wrapped here, or by
     * TTL's {@code TtlExecutors}.
     */
    public static boolean isWrapped(Executor executor) {
        return executor instanceof WrappedExecutor || TtlExecutors.isTtlWrapper(executor);
    }

    /** Whether a task or callback carries a tenant already: wrapped here, or by TTL. */
    private static boolean isWrapped(Object task) {
        return task instanceof HandedOff || task instanceof TtlEnhanced;
    }
}
