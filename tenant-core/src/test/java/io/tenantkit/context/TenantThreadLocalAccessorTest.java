package io.tenantkit.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TenantThreadLocalAccessorTest {

    static ExecutorService rawPool;

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();
    final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().clearMissing(true).build();

    @BeforeAll
    static void startPool() {
        rawPool = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopPool() throws InterruptedException {
        rawPool.shutdown();
        assertThat(rawPool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void accessorIsFoundThroughServiceLoader() {
        assertThat(ContextRegistry.getInstance().getThreadLocalAccessors())
                .anySatisfy(a -> assertThat(a.key()).isEqualTo(TenantThreadLocalAccessor.KEY));
    }

    @Test
    void snapshotCarriesTheTenantAndMdcToAnotherThreadAndCleansUp() throws Exception {
        ExecutorService pool = ContextExecutorService.wrap(rawPool, snapshots::captureAll);
        String seen;
        try (TenantScope scope = TenantContext.enter(jp)) {
            seen = pool.submit(() -> TenantContext.require().id() + "/" + MDC.get("tenant")).get();
        }

        assertThat(seen).isEqualTo("jp/jp");
        assertThat(rawPool.submit(() -> TenantContext.currentOrNull() + "/" + MDC.get("tenant")).get())
                .isEqualTo("null/null");
    }

    @Test
    void clearMissingRemovesAStaleTenantWhileTheTaskRunsAndPutsItBack() {
        ContextSnapshot empty = snapshots.captureAll();
        try (TenantScope scope = TenantContext.enter(us)) {
            try (ContextSnapshot.Scope restored = empty.setThreadLocals()) {
                assertThat(TenantContext.currentOrNull()).isNull();
                assertThat(MDC.get("tenant")).isNull();
            }
            assertThat(TenantContext.require()).isSameAs(us);
            assertThat(MDC.get("tenant")).isEqualTo("us");
        }
    }

    @Test
    void restoringOnAThreadWithAnOpenScopeKeepsThatScopeUsable() {
        ContextSnapshot jpSnapshot = TenantContext.supplyAs(jp, snapshots::captureAll);
        try (TenantScope scope = TenantContext.enter(us)) {
            try (ContextSnapshot.Scope restored = jpSnapshot.setThreadLocals()) {
                assertThat(TenantContext.require()).isSameAs(jp);
            }
            assertThat(TenantContext.require()).isSameAs(us);
        }
        assertThat(TenantContext.current()).isEmpty();
        assertThat(MDC.get("tenant")).isNull();
    }

    @Test
    void aTaskThatLeavesAScopeOpenLeavesNothingOnThePooledThread() throws Exception {
        ExecutorService pool = ContextExecutorService.wrap(rawPool, snapshots::captureAll);
        try (TenantScope scope = TenantContext.enter(jp)) {
            pool.submit(() -> TenantContext.enter(us)).get(); // never closed: a bug in the task
        }

        // Regression: the leaked frame stayed on the thread's stack under a pushed "no tenant" frame,
        // one more per leaking task.
        assertThat(rawPool.submit(() -> TenantContext.SLOT.get() == null && MDC.get("tenant") == null).get())
                .isTrue();
    }
}
