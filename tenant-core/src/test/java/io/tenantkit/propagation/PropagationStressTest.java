package io.tenantkit.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.threadpool.TtlExecutors;
import com.alibaba.ttl.threadpool.TtlForkJoinPoolHelper;

/**
 * Many tasks with random tenants through every propagation path at once (wrapped pools, scheduled
 * and fork-join executors, {@code CompletableFuture}, Micrometer context-propagation): no task may see another
 * tenant, and no pooled thread may keep one. Every fourth task handed over by TenantKit also carries another
 * {@code TransmittableThreadLocal} value (TTL's full capture): it must arrive as well, and never linger. The task count comes from the system property
 * {@code tenantkit.stress.tasks} (200,000 by default; {@code ./mvnw -pl tenant-core verify
 * -Dtenantkit.stress.tasks=1000000} for the full million).
 */
class PropagationStressTest {

    static final int TENANTS = 16;
    static final TransmittableThreadLocal<String> TRACE = new TransmittableThreadLocal<>();

    @Test
    void randomTenantsAcrossMixedPoolsNeverMixAndNeverLeak() throws Exception {
        int total = Integer.getInteger("tenantkit.stress.tasks", 200_000);
        Tenant[] tenants = new Tenant[TENANTS];
        for (int i = 0; i < TENANTS; i++) {
            tenants[i] = Tenant.builder("t" + i).build();
        }
        // Pool threads must not inherit the submitter's TTL values when they are created (TTL#281).
        ThreadFactory threads = TtlExecutors.getDisableInheritableThreadFactory(Executors.defaultThreadFactory());
        ExecutorService rawFixed = Executors.newFixedThreadPool(4, threads);
        ExecutorService rawCached = Executors.newCachedThreadPool(threads);
        ScheduledExecutorService rawScheduled = Executors.newScheduledThreadPool(2, threads);
        ForkJoinPool rawForkJoin = new ForkJoinPool(3, TtlForkJoinPoolHelper.getDisableInheritableForkJoinWorkerThreadFactory(
                ForkJoinPool.defaultForkJoinWorkerThreadFactory), null, false);
        List<ExecutorService> raw = List.of(rawFixed, rawCached, rawScheduled, rawForkJoin);
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().clearMissing(true).build();
        ExecutorService micrometer = ContextExecutorService.wrap(rawFixed, snapshots::captureAll);
        List<Function<Runnable, CompletableFuture<?>>> paths = List.of(
                task -> toFuture(micrometer, task),
                task -> CompletableFuture.runAsync(task, TenantExecutors.wrap(rawFixed)),
                task -> toFuture(TenantExecutors.wrap(rawCached), task),
                task -> toFuture(TenantExecutors.wrap(rawScheduled), task),
                task -> toFuture(TenantExecutors.wrap(rawForkJoin), task),
                task -> TenantFutures.runAsync(task, rawFixed),
                task -> TenantFutures.supplyAsync(() -> {
                    task.run();
                    return null;
                }, rawForkJoin));

        AtomicLong mismatches = new AtomicLong();
        AtomicLong ran = new AtomicLong();
        int inFlight = 2_000;
        List<CompletableFuture<?>> batch = new ArrayList<>(inFlight);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < total; i++) {
            Tenant tenant = tenants[random.nextInt(TENANTS)];
            String expected = tenant.id().value();
            int path = i % paths.size();
            // Path 0 (Micrometer) carries no TTL value; the others carry every one the submitter holds.
            String trace = path != 0 && i % 4 == 0 ? "trace-" + i : null;
            TRACE.set(trace);
            try (TenantScope scope = TenantContext.enter(tenant)) {
                batch.add(paths.get(path).apply(() -> {
                    ran.incrementAndGet();
                    Tenant current = TenantContext.currentOrNull();
                    if (current == null || !current.id().value().equals(expected) || !expected.equals(MDC.get("tenant"))
                            || !Objects.equals(trace, TRACE.get())) {
                        mismatches.incrementAndGet();
                    }
                }));
            } finally {
                TRACE.remove();
            }
            if (batch.size() == inFlight) {
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                batch.clear();
            }
        }
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(ran.get()).isEqualTo(total);
        assertThat(mismatches.get()).as("tasks that saw a wrong or missing tenant").isZero();
        PoolProbe.assertNoThreadHoldsATenant(rawFixed, 4);
        PoolProbe.assertNoThreadHoldsATenant(rawScheduled, 2);
        PoolProbe.assertNoThreadHoldsATenant(rawForkJoin, 3);
        assertThat(rawCached.submit(() -> TenantContext.currentOrNull() == null && MDC.get("tenant") == null).get()).isTrue();
        for (ExecutorService e : raw) {
            assertThat(e.submit(TRACE::get).get()).as("a TTL value left on a pooled thread").isNull();
        }
        for (ExecutorService e : raw) {
            e.shutdown();
            assertThat(e.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static CompletableFuture<?> toFuture(ExecutorService executor, Runnable task) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                task.run();
                future.complete(null);
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }
}
