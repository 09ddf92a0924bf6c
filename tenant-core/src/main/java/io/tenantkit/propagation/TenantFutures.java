package io.tenantkit.propagation;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@link CompletableFuture} entry points that carry the current tenant. Every method takes an
 * executor on purpose: the no-executor variants of {@code CompletableFuture} run on
 * {@code ForkJoinPool.commonPool()}, which no wrapper covers. Dependent stages created with
 * {@code thenApplyAsync(fn, executor)} carry the tenant when {@code executor} is
 * {@link TenantExecutors#wrap(Executor) wrapped}; non-async stages run on whichever thread completes
 * the previous stage.
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
