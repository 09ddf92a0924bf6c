package io.tenantkit.propagation;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link CompletableFuture} entry points that carry the current tenant. Every method takes an
 * executor on purpose: the no-executor variants of {@code CompletableFuture} run on
 * {@code ForkJoinPool.commonPool()}, which no wrapper covers.
 *
 * <p>Dependent stages ({@code thenApply}, {@code thenApplyAsync(fn, executor)}, ...) run when the
 * previous stage completes, on the thread that completed it or handed from there to the executor, so
 * the tenant they see is that thread's at that moment, not the registering thread's (TTL#825). Wrap
 * their callbacks to pin the tenant that registered them:
 *
 * <pre>{@code
 * TenantFutures.supplyAsync(() -> quotes.fetch(order), pool)
 *         .thenApplyAsync(TenantExecutors.wrapFunction(fees::apply), pool);
 * }</pre>
 */
public final class TenantFutures {

    private TenantFutures() {
    }

    /** Like {@link CompletableFuture#supplyAsync(Supplier, Executor)}, running as the current tenant. */
    public static <V> CompletableFuture<V> supplyAsync(Supplier<V> supplier, Executor executor) {
        return CompletableFuture.supplyAsync(TenantExecutors.wrapSupplier(supplier),
                Objects.requireNonNull(executor, "executor"));
    }

    /** Like {@link CompletableFuture#runAsync(Runnable, Executor)}, running as the current tenant. */
    public static CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
        return CompletableFuture.runAsync(TenantExecutors.wrap(task), Objects.requireNonNull(executor, "executor"));
    }
}
