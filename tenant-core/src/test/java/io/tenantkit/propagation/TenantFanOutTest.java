package io.tenantkit.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

@SuppressWarnings("try") // scopes entered in try-with-resources are closed, not read
class TenantFanOutTest {

    private final TenantRegistry registry = TenantRegistry.of(
            Tenant.builder("apac").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("jp").parent("apac").build(),
            Tenant.builder("us").build(),
            Tenant.builder("ru").status(TenantStatus.SUSPENDED).build());

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TenantFanOut.class);
    private ExecutorService pool;

    @BeforeEach
    void captureLogs() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void cleanUp() {
        logger.detachAppender(logged);
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void runsOnceForEachActiveTenantInsideItsScope() {
        FanOutResult result = new TenantFanOut(registry, null).run("job", this::record);

        assertThat(seen).containsExactly("jp/jp", "us/us");
        assertThat(result.isSuccess()).isTrue();
        assertThat(result.succeeded()).containsExactly(TenantId.of("jp"), TenantId.of("us"));
    }

    @Test
    void oneTenantsFailureIsLoggedWithItsTenantAndTheOthersStillRun() {
        FanOutResult result = new TenantFanOut(registry, null).run("nightly", () -> {
            if (TenantContext.require().id().value().equals("jp")) {
                throw new IllegalStateException("ledger down");
            }
            record();
        });

        assertThat(seen).containsExactly("us/us");
        assertThat(result.failures()).containsOnlyKeys(TenantId.of("jp"));
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).isEqualTo("Job 'nightly' failed for tenant 'jp'; the other tenants run on");
            assertThat(event.getMDCPropertyMap()).containsEntry("tenant", "jp");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("ledger down");
        });
        assertThatExceptionOfType(TenantFanOutException.class).isThrownBy(result::throwIfFailed)
                .withMessage("Job 'nightly' failed for 1 of 2 tenants: [jp] (each failure was logged at ERROR "
                        + "with its tenant; the other tenants ran normally)")
                .satisfies(e -> assertThat(e.failures().get(TenantId.of("jp"))).hasMessage("ledger down"));
    }

    @Test
    void readsTheRegistryAtEachRun() {
        TenantFanOut fanOut = new TenantFanOut(registry, null);
        fanOut.run("job", () -> { });

        registry.update(s -> s.with(Tenant.builder("de").build())
                .with(s.require(TenantId.of("us")).toBuilder().status(TenantStatus.SUSPENDED).build()));
        fanOut.run("job", this::record);

        assertThat(seen).containsExactly("jp/jp", "de/de");
    }

    @Test
    void theCallingThreadKeepsItsOwnTenant() {
        Tenant outer = registry.require(TenantId.of("us"));
        try (TenantScope ignored = TenantContext.enter(outer)) {
            new TenantFanOut(registry, null).run("job", () -> { });
            assertThat(TenantContext.currentOrNull()).isSameAs(outer);
            assertThat(MDC.get("tenant")).isEqualTo("us");
        }
        assertThat(TenantContext.currentOrNull()).isNull();
        assertThat(MDC.get("tenant")).isNull();
    }

    @Test
    void parallelRunsEveryTenantOnThePoolAndLeavesItsThreadsClean() throws Exception {
        pool = Executors.newFixedThreadPool(2);
        TenantFanOut fanOut = new TenantFanOut(registry, pool);

        FanOutResult result = fanOut.runParallel("job", this::record);

        assertThat(result.succeeded()).containsExactly(TenantId.of("jp"), TenantId.of("us"));
        assertThat(seen).containsExactlyInAnyOrder("jp/jp", "us/us");
        for (int i = 0; i < 4; i++) {
            assertThat(pool.submit(() -> TenantContext.currentOrNull() + "/" + MDC.get("tenant")).get())
                    .isEqualTo("null/null");
        }
    }

    @Test
    void parallelFailuresAreIsolatedToo() {
        pool = Executors.newFixedThreadPool(2);

        FanOutResult result = new TenantFanOut(registry, pool).runParallel("job", () -> {
            if (TenantContext.require().id().value().equals("us")) {
                throw new IllegalArgumentException("bad rate");
            }
            record();
        });

        assertThat(seen).containsExactly("jp/jp");
        assertThat(result.failures()).containsOnlyKeys(TenantId.of("us"));
        assertThat(logged.list).singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("tenant", "us"));
    }

    /**
     * Regression: called from a thread of the bounded pool it fans out on (an {@code @Async} method on
     * Spring Boot's one-thread applicationTaskExecutor, here a plain one-thread pool), the fan-out waited
     * for runs queued behind itself, for ever. Now the calling thread runs them.
     */
    @Test
    void parallelCalledFromTheOnlyThreadOfItsPoolRunsTheTenantsInsteadOfStarvingIt() throws Exception {
        ExecutorService applicationTaskExecutor = Executors.newFixedThreadPool(1, task -> new Thread(task, "app-task-1"));
        try {
            TenantFanOut fanOut = new TenantFanOut(registry, applicationTaskExecutor);

            FanOutResult result = applicationTaskExecutor.submit(() -> fanOut.runParallel("job", this::recordWithThread))
                    .get(10, TimeUnit.SECONDS);

            assertThat(result.succeeded()).containsExactly(TenantId.of("jp"), TenantId.of("us"));
            assertThat(seen).containsExactlyInAnyOrder("jp/jp/app-task-1", "us/us/app-task-1");
            assertThat(applicationTaskExecutor.submit(() -> TenantContext.currentOrNull() + "/" + MDC.get("tenant"))
                    .get(10, TimeUnit.SECONDS)).isEqualTo("null/null");
        } finally {
            applicationTaskExecutor.shutdown();
        }
    }

    @Test
    void runsThePoolRejectsRunOnTheCallingThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ThreadPoolExecutor full = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
        pool = full;
        full.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            FanOutResult result = new TenantFanOut(registry, full).runParallel("job", this::recordWithThread);

            String caller = Thread.currentThread().getName();
            assertThat(result.succeeded()).containsExactly(TenantId.of("jp"), TenantId.of("us"));
            assertThat(seen).containsExactlyInAnyOrder("jp/jp/" + caller, "us/us/" + caller);
            assertThat(logged.list).isEmpty();
        } finally {
            release.countDown();
        }
    }

    @Test
    void parallelWithoutAnExecutorSaysHowToGetOne() {
        TenantFanOut fanOut = new TenantFanOut(registry, null);

        assertThat(fanOut.supportsParallel()).isFalse();
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> fanOut.runParallel("reports", () -> { }))
                .withMessageStartingWith("Job 'reports' asks for a parallel per-tenant run, but this TenantFanOut has no executor.")
                .withMessageContaining("new TenantFanOut(registry, executor)");
    }

    private void record() {
        seen.add(TenantContext.require().id().value() + "/" + MDC.get("tenant"));
    }

    private void recordWithThread() {
        seen.add(TenantContext.require().id().value() + "/" + MDC.get("tenant") + "/" + Thread.currentThread().getName());
    }
}
