package io.tenantkit.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.TtlCallable;
import com.alibaba.ttl.TtlRunnable;
import com.alibaba.ttl.threadpool.TtlExecutors;

class TenantExecutorsTest {

    static final int THREADS = 4;

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();

    ExecutorService rawPool;
    ExecutorService pool;
    ScheduledExecutorService rawScheduler;
    ScheduledExecutorService scheduler;
    ForkJoinPool rawForkJoin;

    @BeforeEach
    void startPools() {
        rawPool = Executors.newFixedThreadPool(THREADS);
        pool = TenantExecutors.wrap(rawPool);
        rawScheduler = Executors.newScheduledThreadPool(2);
        scheduler = TenantExecutors.wrap(rawScheduler);
        rawForkJoin = new ForkJoinPool(THREADS);
    }

    @AfterEach
    void stopPools() throws InterruptedException {
        for (ExecutorService e : List.of(rawPool, rawScheduler, rawForkJoin)) {
            e.shutdownNow();
            assertThat(e.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(TenantContext.currentOrNull()).isNull();
    }

    static String seen() {
        return TenantContext.currentOrNull() == null ? "none/" + MDC.get("tenant")
                : TenantContext.require().id() + "/" + MDC.get("tenant");
    }

    @Test
    void submitAndExecuteRunTheTaskAsTheSubmittingTenant() throws Exception {
        AtomicReference<String> executed = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Future<String> submitted;
        try (TenantScope scope = TenantContext.enter(jp)) {
            submitted = pool.submit(TenantExecutorsTest::seen);
            pool.execute(() -> {
                executed.set(seen());
                done.countDown();
            });
        }
        assertThat(submitted.get()).isEqualTo("jp/jp");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(executed.get()).isEqualTo("jp/jp");
        PoolProbe.assertNoThreadHoldsATenant(rawPool, THREADS);
    }

    @Test
    void taskKeepsTheTenantItWasSubmittedUnderAfterTheSubmitterSwitches() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<String> task;
        try (TenantScope a = TenantContext.enter(jp)) {
            task = pool.submit(() -> {
                release.await();
                return seen();
            });
        }
        try (TenantScope b = TenantContext.enter(us)) {
            release.countDown();
            assertThat(task.get()).isEqualTo("jp/jp");
            assertThat(seen()).isEqualTo("us/us");
        }
    }

    @Test
    void taskSubmittedWithoutATenantRunsWithoutOneEvenOnAThreadThatHadOne() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            ExecutorService wrapped = TenantExecutors.wrap(single);
            // The worker enters a scope and never closes it: a leak in user code.
            try (TenantScope scope = TenantContext.enter(jp)) {
                wrapped.submit(() -> TenantContext.enter(us)).get();
            }
            assertThat(wrapped.submit(TenantExecutorsTest::seen).get()).isEqualTo("none/null");
            PoolProbe.assertNoThreadHoldsATenant(single, 1);
        } finally {
            single.shutdown();
        }
    }

    @Test
    void nestedScopesInsideATaskUnwindToTheSubmittedTenant() throws Exception {
        String result;
        try (TenantScope scope = TenantContext.enter(jp)) {
            result = pool.submit(() -> {
                String inner = TenantContext.supplyAs(us, TenantExecutorsTest::seen);
                return inner + " then " + seen();
            }).get();
        }
        assertThat(result).isEqualTo("us/us then jp/jp");
    }

    @Test
    void exceptionsInTasksStillLeaveThePoolClean() throws Exception {
        Future<Object> failing;
        try (TenantScope scope = TenantContext.enter(jp)) {
            failing = pool.submit(() -> {
                throw new IllegalStateException("fee service down for " + TenantContext.require().id());
            });
        }
        assertThatExceptionOfType(ExecutionException.class).isThrownBy(failing::get)
                .withRootCauseInstanceOf(IllegalStateException.class)
                .withMessageContaining("fee service down for jp");
        PoolProbe.assertNoThreadHoldsATenant(rawPool, THREADS);
    }

    @Test
    void invokeAllAndInvokeAnyCarryTheTenant() throws Exception {
        List<Callable<String>> tasks = List.of(TenantExecutorsTest::seen, TenantExecutorsTest::seen, TenantExecutorsTest::seen);
        try (TenantScope scope = TenantContext.enter(us)) {
            for (Future<String> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo("us/us");
            }
            assertThat(pool.invokeAny(tasks)).isEqualTo("us/us");
        }
        PoolProbe.assertNoThreadHoldsATenant(rawPool, THREADS);
    }

    @Test
    void scheduledAndPeriodicTasksKeepTheTenantTheyWereScheduledWith() throws Exception {
        ScheduledFuture<String> once;
        CountDownLatch threeRuns = new CountDownLatch(3);
        List<String> periodicSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScheduledFuture<?> periodic;
        try (TenantScope scope = TenantContext.enter(jp)) {
            once = scheduler.schedule(TenantExecutorsTest::seen, 10, TimeUnit.MILLISECONDS);
            periodic = scheduler.scheduleAtFixedRate(() -> {
                periodicSeen.add(seen());
                threeRuns.countDown();
            }, 0, 5, TimeUnit.MILLISECONDS);
        }
        try (TenantScope scope = TenantContext.enter(us)) {
            assertThat(once.get()).isEqualTo("jp/jp");
            assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        }
        periodic.cancel(false);
        assertThat(periodicSeen).hasSizeGreaterThanOrEqualTo(3).containsOnly("jp/jp");
        PoolProbe.assertNoThreadHoldsATenant(rawScheduler, 2);
    }

    @Test
    void forkJoinPoolTasksSubmittedThroughTheWrapperCarryTheTenant() throws Exception {
        ExecutorService forkJoin = TenantExecutors.wrap(rawForkJoin);
        try (TenantScope scope = TenantContext.enter(jp)) {
            assertThat(forkJoin.submit(TenantExecutorsTest::seen).get()).isEqualTo("jp/jp");
        }
        assertThat(rawForkJoin.submit(TenantExecutorsTest::seen).get()).isEqualTo("none/null");
    }

    @Test
    void completableFutureStagesWithWrappedCallbacksRunAsTheRegisteringTenant() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> chain;
        try (TenantScope scope = TenantContext.enter(us)) {
            chain = TenantFutures.supplyAsync(() -> {
                        await(release);
                        return seen();
                    }, rawPool)
                    .thenApplyAsync(TenantExecutors.wrapFunction(first -> first + " -> " + seen()), rawPool)
                    .thenApply(TenantExecutors.wrapFunction(second -> second + " -> " + seen()))
                    .thenCombineAsync(TenantFutures.runAsync(() -> { }, rawPool),
                            TenantExecutors.wrapBiFunction((s, ignored) -> s + " -> " + seen()), pool);
        }
        // The first stage completes later, on a pool thread that has by then restored "no tenant".
        try (TenantScope scope = TenantContext.enter(jp)) {
            release.countDown();
            assertThat(chain.get(10, TimeUnit.SECONDS)).isEqualTo("us/us -> us/us -> us/us -> us/us");
        }
        List<String> consumed = new java.util.concurrent.CopyOnWriteArrayList<>();
        TenantContext.runAs(jp, () -> CompletableFuture.completedFuture("x")
                .thenAcceptAsync(TenantExecutors.wrapConsumer(x -> consumed.add(seen())), rawPool)
                .thenAcceptBoth(CompletableFuture.completedFuture("y"),
                        TenantExecutors.wrapBiConsumer((a, b) -> consumed.add(seen())))
                .join());
        assertThat(consumed).containsExactly("jp/jp", "jp/jp");
        PoolProbe.assertNoThreadHoldsATenant(rawPool, THREADS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void wrappedRunnableCarriesTheTenantToARawThread() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Runnable task;
        try (TenantScope scope = TenantContext.enter(jp)) {
            task = TenantExecutors.wrap(() -> seen.set(seen()));
        }
        Thread thread = new Thread(task);
        thread.start();
        thread.join();
        assertThat(seen.get()).isEqualTo("jp/jp");
    }

    @Test
    void wrappingIsIdempotent() throws Exception {
        assertThat(TenantExecutors.wrap(pool)).isSameAs(pool);
        assertThat(TenantExecutors.isWrapped(pool)).isTrue();
        assertThat(TenantExecutors.isWrapped(rawPool)).isFalse();
        Runnable once = TenantExecutors.wrap(() -> { });
        assertThat(TenantExecutors.wrap(once)).isSameAs(once);
        Callable<String> callable = TenantExecutors.wrap(TenantExecutorsTest::seen);
        assertThat(TenantExecutors.wrap(callable)).isSameAs(callable);
        // A wrapped task submitted to a wrapped executor runs once, as its own tenant.
        Callable<String> asJp = TenantContext.supplyAs(jp, () -> TenantExecutors.wrap(TenantExecutorsTest::seen));
        try (TenantScope scope = TenantContext.enter(us)) {
            assertThat(pool.submit(asJp).get()).isEqualTo("jp/jp");
        }
    }

    @Test
    void tasksAndExecutorsWrappedByTtlItselfCarryTheTenant() throws Exception {
        ExecutorService ttlPool = TtlExecutors.getTtlExecutorService(rawPool);
        Callable<String> ttlCallable = TenantContext.supplyAs(us, () -> TtlCallable.get(TenantExecutorsTest::seen));
        AtomicReference<String> ranByTtlRunnable = new AtomicReference<>();
        try (TenantScope scope = TenantContext.enter(jp)) {
            assertThat(ttlPool.submit(TenantExecutorsTest::seen).get()).isEqualTo("jp/jp");
            rawPool.submit(TtlRunnable.get(() -> ranByTtlRunnable.set(seen()))).get();
            assertThat(TenantExecutors.wrap(ttlPool)).isSameAs(ttlPool);
            assertThat(TenantExecutors.isWrapped(ttlPool)).isTrue();
            assertThat(TenantExecutors.wrap(ttlCallable)).isSameAs(ttlCallable);
            assertThat(pool.submit(ttlCallable).get()).as("a TTL-wrapped task keeps its own tenant").isEqualTo("us/us");
        }
        assertThat(ranByTtlRunnable.get()).isEqualTo("jp/jp");
        PoolProbe.assertNoThreadHoldsATenant(rawPool, THREADS);
    }

    @Test
    void otherTransmittableValuesOfTheApplicationTravelThroughTheWrappersToo() throws Exception {
        TransmittableThreadLocal<String> trace = new TransmittableThreadLocal<>();
        ScheduledFuture<String> scheduled;
        CompletableFuture<String> future;
        try (TenantScope scope = TenantContext.enter(jp)) {
            trace.set("trace-7");
            try {
                assertThat(pool.submit(() -> seen() + "/" + trace.get()).get()).isEqualTo("jp/jp/trace-7");
                scheduled = scheduler.schedule(() -> seen() + "/" + trace.get(), 1, TimeUnit.MILLISECONDS);
                future = TenantFutures.supplyAsync(() -> seen() + "/" + trace.get(), rawForkJoin);
            } finally {
                trace.remove();
            }
        }
        assertThat(scheduled.get()).isEqualTo("jp/jp/trace-7");
        assertThat(future.get()).isEqualTo("jp/jp/trace-7");
        List<Future<String>> afterwards = rawPool.invokeAll(List.of(() -> trace.get(), () -> trace.get()));
        for (Future<String> f : afterwards) {
            assertThat(f.get()).as("no TTL value left on a pooled thread").isNull();
        }
        PoolProbe.assertNoThreadHoldsATenant(rawPool, THREADS);
        PoolProbe.assertNoThreadHoldsATenant(rawScheduler, 2);
    }

    @Test
    void poolThreadsCreatedInsideAScopeDoNotInheritTheTenant() throws Exception {
        ExecutorService fresh;
        try (TenantScope scope = TenantContext.enter(jp)) {
            fresh = Executors.newFixedThreadPool(2);
            PoolProbe.assertNoThreadHoldsATenant(fresh, 2);
        }
        fresh.shutdown();
    }
}
