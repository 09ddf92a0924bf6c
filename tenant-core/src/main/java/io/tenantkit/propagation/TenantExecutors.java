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

import io.tenantkit.context.TenantContext;

import com.alibaba.ttl.TtlCallable;
import com.alibaba.ttl.TtlRunnable;
import com.alibaba.ttl.TtlWrappers;
import com.alibaba.ttl.threadpool.TtlExecutors;

/**
 * Wraps executors and tasks so that each task runs with the tenant that was current when it was
 * submitted, and leaves the worker thread as it found it (no tenant, no {@code tenant} MDC value).
 *
 * <p>Works for any executor: thread pools, {@code ForkJoinPool} (tasks submitted through the wrapper;
 * tasks a running task forks are not covered), scheduled executors (a periodic task keeps the tenant
 * it was scheduled with) and virtual-thread-per-task executors. A task submitted without a tenant
 * runs without one. Wrapping is idempotent: wrapping a wrapped executor or task returns it as is.
 *
 * <pre>{@code
 * ExecutorService pool = TenantExecutors.wrap(Executors.newFixedThreadPool(8));
 * try (TenantScope s = TenantContext.enter(jp)) {
 *     pool.submit(() -> fees.quote(order));   // runs as jp
 * }
 * }</pre>
 */
public final class TenantExecutors {

    static {
        ensureRegistered();
    }

    private TenantExecutors() {
    }

    /** Wraps an executor. */
    public static Executor wrap(Executor executor) {
        return TtlExecutors.getTtlExecutor(Objects.requireNonNull(executor, "executor"));
    }

    /** Wraps an executor service (thread pools, {@code ForkJoinPool}, virtual-thread executors). */
    public static ExecutorService wrap(ExecutorService executor) {
        return TtlExecutors.getTtlExecutorService(Objects.requireNonNull(executor, "executor"));
    }

    /** Wraps a scheduled executor service; periodic tasks keep the tenant they were scheduled with. */
    public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
        return TtlExecutors.getTtlScheduledExecutorService(Objects.requireNonNull(executor, "executor"));
    }

    /** Wraps one task, capturing the current tenant now; for a raw {@code Thread} or a foreign executor. */
    public static Runnable wrap(Runnable task) {
        return TtlRunnable.get(Objects.requireNonNull(task, "task"), false, true);
    }

    /** Wraps one task, capturing the current tenant now. */
    public static <V> Callable<V> wrap(Callable<V> task) {
        return TtlCallable.get(Objects.requireNonNull(task, "task"), false, true);
    }

    /** Wraps a supplier, capturing the current tenant now (for {@code CompletableFuture.supplyAsync}). */
    public static <V> Supplier<V> wrapSupplier(Supplier<V> supplier) {
        return TtlWrappers.wrapSupplier(Objects.requireNonNull(supplier, "supplier"));
    }

    /**
     * Wraps a {@code CompletableFuture} callback, capturing the current tenant now. A dependent stage
     * ({@code thenApplyAsync(fn, executor)}, {@code thenApply(fn)}) runs when the previous stage
     * completes, on the completing thread or handed to {@code executor} from there, so a wrapped
     * executor alone captures whatever that thread holds then; a wrapped callback runs as the
     * tenant that registered it, wherever and whenever it runs.
     */
    public static <T, R> Function<T, R> wrapFunction(Function<T, R> function) {
        return TtlWrappers.wrapFunction(Objects.requireNonNull(function, "function"));
    }

    /** Wraps a two-argument callback, capturing the current tenant now; see {@link #wrapFunction}. */
    public static <T, U, R> BiFunction<T, U, R> wrapBiFunction(BiFunction<T, U, R> function) {
        return TtlWrappers.wrapBiFunction(Objects.requireNonNull(function, "function"));
    }

    /** Wraps a consumer callback, capturing the current tenant now; see {@link #wrapFunction}. */
    public static <T> Consumer<T> wrapConsumer(Consumer<T> consumer) {
        return TtlWrappers.wrapConsumer(Objects.requireNonNull(consumer, "consumer"));
    }

    /** Wraps a two-argument consumer callback, capturing the current tenant now; see {@link #wrapFunction}. */
    public static <T, U> BiConsumer<T, U> wrapBiConsumer(BiConsumer<T, U> consumer) {
        return TtlWrappers.wrapBiConsumer(Objects.requireNonNull(consumer, "consumer"));
    }

    /** Returns whether {@code executor} already carries the tenant to its tasks. */
    public static boolean isWrapped(Executor executor) {
        return TtlExecutors.isTtlWrapper(executor);
    }

    /** Makes sure the tenant is registered with TTL before any task is captured. */
    private static void ensureRegistered() {
        TenantContext.currentOrNull();
    }
}
