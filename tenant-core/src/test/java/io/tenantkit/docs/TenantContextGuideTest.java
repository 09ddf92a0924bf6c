package io.tenantkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantHandOff;
import io.tenantkit.context.TenantScope;
import io.tenantkit.propagation.TenantExecutors;
import io.tenantkit.propagation.TenantFutures;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The examples of docs/tenant-context.md, compiled and run. {@link DocsSnippetsTest} checks that the
 * guide shows exactly the code between the {@code tag::name[]} and {@code end::name[]} markers.
 */
class TenantContextGuideTest {

    ExecutorService rawPool = Executors.newFixedThreadPool(2);
    ScheduledExecutorService rawScheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        rawPool.shutdownNow();
        rawScheduler.shutdownNow();
    }

    static BigDecimal fee(BigDecimal amount) {
        String tenant = TenantContext.require().id().value();
        return amount.multiply(tenant.equals("jp") ? new BigDecimal("0.035") : new BigDecimal("0.029"));
    }

    @Test
    void registryAndScopes() throws Exception {
        // tag::registry[]
        TenantRegistry registry = TenantRegistry.of(
                Tenant.builder("apac").status(TenantStatus.INACTIVE).build(),
                Tenant.builder("jp").name("Japan").parent("apac").currency("JPY").build(),
                Tenant.builder("us").name("United States").currency("USD").build());
        Tenant jp = registry.require(TenantId.of("jp"));
        // end::registry[]

        // tag::enter[]
        try (TenantScope scope = TenantContext.enter(jp)) {
            BigDecimal fee = fee(new BigDecimal("1000"));   // TenantContext.require() is jp here
            assertThat(fee).isEqualByComparingTo("35");
            assertThat(MDC.get("tenant")).isEqualTo("jp");  // every log line carries tenant=jp
        }
        assertThat(TenantContext.current()).isEmpty();       // restored, MDC included
        // end::enter[]

        Tenant us = registry.require(TenantId.of("us"));
        // tag::runas[]
        TenantContext.runAs(us, () -> fee(new BigDecimal("10")));
        BigDecimal usFee = TenantContext.supplyAs(us, () -> fee(new BigDecimal("100")));
        // end::runas[]
        assertThat(usFee).isEqualByComparingTo("2.9");
    }

    @Test
    void executorsAndFutures() throws Exception {
        Tenant jp = Tenant.builder("jp").build();
        // tag::executors[]
        ExecutorService pool = TenantExecutors.wrap(rawPool);           // any ExecutorService, ForkJoinPool too
        ScheduledExecutorService scheduler = TenantExecutors.wrap(rawScheduler);
        Future<BigDecimal> fee;
        CompletableFuture<BigDecimal> total;
        try (TenantScope scope = TenantContext.enter(jp)) {
            fee = pool.submit(() -> fee(new BigDecimal("1000")));                 // runs as jp
            scheduler.schedule(() -> fee(BigDecimal.ONE), 1, TimeUnit.SECONDS);  // runs as jp
            total = TenantFutures.supplyAsync(() -> fee(BigDecimal.TEN), pool)   // runs as jp
                    .thenApplyAsync(TenantExecutors.wrapFunction(f -> f.add(fee(BigDecimal.ONE))), pool);
        }
        // end::executors[]
        assertThat(fee.get()).isEqualByComparingTo("35");
        assertThat(total.get()).isEqualByComparingTo("0.385");
    }

    @Test
    void micrometer() throws Exception {
        Tenant jp = Tenant.builder("jp").build();
        // tag::micrometer[]
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().clearMissing(true).build();
        ExecutorService contextAware = ContextExecutorService.wrap(rawPool, snapshots::captureAll);
        // end::micrometer[]
        try (TenantScope scope = TenantContext.enter(jp)) {
            assertThat(contextAware.submit(() -> TenantContext.require().id().value()).get()).isEqualTo("jp");
        }
    }

    @Test
    void ownHandOff() throws Exception {
        Tenant jp = Tenant.builder("jp").build();
        java.util.concurrent.BlockingQueue<Runnable> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable work = () -> seen.add(TenantContext.require().id().value() + "/" + MDC.get("tenant"));
        try (TenantScope scope = TenantContext.enter(jp)) {
            // tag::handoff[]
            TenantHandOff handOff = TenantHandOff.capture();           // on the submitting thread
            queue.add(() -> {
                try (TenantHandOff.Scope entered = handOff.enter()) {   // on the worker
                    work.run();                                         // runs as jp, MDC included
                }
            });
            // end::handoff[]
        }
        Thread worker = new Thread(() -> queue.poll().run());
        worker.start();
        worker.join();
        assertThat(seen).containsExactly("jp/jp");
    }

    @Test
    void whatNotToDo() throws Exception {
        Tenant jp = Tenant.builder("jp").build();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TenantScope scope = TenantContext.enter(jp)) {
            // tag::dont[]
            // A raw thread: no tenant inside.
            Thread thread = new Thread(() -> seen.add(String.valueOf(TenantContext.currentOrNull())));
            // The common pool: no tenant inside (and maybe a stale one, with the TTL agent).
            CompletableFuture.runAsync(() -> seen.add(String.valueOf(TenantContext.currentOrNull()))).join();
            // end::dont[]
            thread.start();
            thread.join();
            // tag::do[]
            Thread wrapped = new Thread(TenantExecutors.wrap(() -> {
                seen.add(TenantContext.require().id().value());
            }));
            TenantFutures.runAsync(() -> seen.add(TenantContext.require().id().value()), rawPool).join();
            // end::do[]
            wrapped.start();
            wrapped.join();
        }
        assertThat(seen).containsExactlyInAnyOrder("null", "null", "jp", "jp");
    }
}
