package io.tenantkit.spring.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import com.alibaba.ttl.TransmittableThreadLocal;

/** {@link TenantTaskDecorator} on real one-thread pools, so that every task reuses the same thread. */
@SuppressWarnings("try") // scopes entered in try-with-resources are closed, not read
class TenantTaskDecoratorTests {

    private static final String TRACE_KEY = "test.trace";
    private static final ThreadLocal<String> TRACE = new ThreadLocal<>();

    private final Tenant jp = Tenant.builder("jp").build();
    private ThreadPoolTaskExecutor pool;

    @BeforeEach
    void registerTraceAccessor() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(TRACE_KEY, TRACE::get, TRACE::set, TRACE::remove);
    }

    @AfterEach
    void cleanUp() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(TRACE_KEY);
        if (pool != null) {
            pool.shutdown();
        }
        MDC.clear();
        TRACE.remove();
    }

    @Test
    void taskRunsWithTheSubmittersTenantAndThePooledThreadKeepsNoneAfterwards() {
        pool = onePool(new TenantTaskDecorator());

        String during;
        try (TenantScope ignored = TenantContext.enter(jp)) {
            during = on(pool, () -> tenantAndMdc());
        }
        String after = on(pool, () -> tenantAndMdc());

        assertThat(during).isEqualTo("jp/jp");
        assertThat(after).isEqualTo("none/null");
    }

    @Test
    void submittersMdcReachesTheTaskAndNothingATaskPutInTheMdcOutlivesIt() {
        pool = onePool(new TenantTaskDecorator());

        MDC.put("requestId", "r-1");
        String during = on(pool, () -> {
            String seen = MDC.get("requestId");
            MDC.put("leak", "x");
            return seen;
        });
        MDC.remove("requestId");
        String after = on(pool, () -> MDC.get("requestId") + "/" + MDC.get("leak"));

        assertThat(during).isEqualTo("r-1");
        assertThat(after).isEqualTo("null/null");
        assertThat(MDC.get("leak")).as("the submitting thread is untouched").isNull();
    }

    @Test
    void mdcCopyCanBeSwitchedOffWhileTheTenantStillTravels() {
        pool = onePool(new TenantTaskDecorator(false, true));

        MDC.put("requestId", "r-1");
        String during;
        try (TenantScope ignored = TenantContext.enter(jp)) {
            during = on(pool, () -> tenantAndMdc() + "/" + MDC.get("requestId"));
        }

        assertThat(during).isEqualTo("jp/jp/null");
    }

    @Test
    void contextPropagationValuesReachTheTaskAndAMissingOneIsClearedRatherThanLeftStale() {
        pool = onePool(new TenantTaskDecorator());
        on(pool, () -> {
            TRACE.set("stale-from-earlier-work");
            return null;
        });

        TRACE.set("trace-1");
        String during = on(pool, TRACE::get);
        TRACE.remove();
        String withoutTrace = on(pool, TRACE::get);

        assertThat(during).isEqualTo("trace-1");
        assertThat(withoutTrace).as("clearMissing: no value at submit, no value in the task").isNull();
    }

    @Test
    void contextPropagationCanBeSwitchedOff() {
        TenantTaskDecorator decorator = new TenantTaskDecorator(true, false);
        pool = onePool(decorator);

        TRACE.set("trace-1");
        assertThat(on(pool, TRACE::get)).isNull();
        assertThat(decorator).hasToString("TenantTaskDecorator[tenant, mdc]");
    }

    @Test
    void aStaleMdcEntryOfTheWorkerIsHiddenFromTheTaskAndPutBackAfterIt() throws Exception {
        TenantTaskDecorator decorator = new TenantTaskDecorator();
        AtomicReference<String> during = new AtomicReference<>();
        AtomicReference<String> after = new AtomicReference<>();
        Runnable decorated = TenantContext.supplyAs(jp,
                () -> decorator.decorate(() -> during.set(tenantAndMdc() + "/" + MDC.get("stale"))));
        Thread worker = new Thread(() -> {
            MDC.put("stale", "from-undecorated-work");
            decorated.run();
            after.set(tenantAndMdc() + "/" + MDC.get("stale"));
        });
        worker.start();
        worker.join();

        assertThat(during.get()).isEqualTo("jp/jp/null");
        assertThat(after.get()).isEqualTo("none/null/from-undecorated-work");
    }

    @Test
    void aTaskRunOnTheSubmittingThreadSeesTheTenantAndItsMdcValueAndLeavesBoth() {
        // Caller-runs policies, synchronous executors: the worker is the submitter, inside its scope.
        TenantTaskDecorator decorator = new TenantTaskDecorator();
        AtomicReference<String> during = new AtomicReference<>();
        try (TenantScope ignored = TenantContext.enter(jp)) {
            decorator.decorate(() -> during.set(tenantAndMdc())).run();
            MDC.put("requestId", "r-3");
            decorator.decorate(() -> during.set(during.get() + " " + tenantAndMdc() + "/" + MDC.get("requestId"))).run();
            assertThat(tenantAndMdc() + "/" + MDC.get("requestId")).isEqualTo("jp/jp/r-3");
        }

        assertThat(during.get()).isEqualTo("jp/jp jp/jp/r-3");
        assertThat(tenantAndMdc()).isEqualTo("none/null");
    }

    @Test
    void aTenantMdcEntryWithoutATenantIsNotHandedOn() {
        pool = onePool(new TenantTaskDecorator());

        MDC.put(TenantContext.MDC_KEY, "forged");
        MDC.put("requestId", "r-2");
        String during = on(pool, () -> tenantAndMdc() + "/" + MDC.get("requestId"));

        assertThat(during).isEqualTo("none/null/r-2");
    }

    @Test
    void otherTransmittableThreadLocalValuesTravelWithTheTenant() {
        pool = onePool(new TenantTaskDecorator());
        TransmittableThreadLocal<String> ttl = new TransmittableThreadLocal<>();

        String during;
        try (TenantScope ignored = TenantContext.enter(jp)) {
            ttl.set("ttl-1");
            during = on(pool, () -> tenantAndMdc() + "/" + ttl.get());
            ttl.remove();
        }
        String after = on(pool, () -> tenantAndMdc() + "/" + ttl.get());

        assertThat(during).isEqualTo("jp/jp/ttl-1");
        assertThat(after).isEqualTo("none/null/null");
    }

    @Test
    void inAnOrderedCompositeItRunsOutermostSoTheApplicationsDecoratorSeesTheTenant() {
        List<String> seenByUserDecorator = new ArrayList<>();
        TaskDecorator user = task -> () -> {
            seenByUserDecorator.add(tenantAndMdc());
            task.run();
        };
        // As Spring Boot collects them: application beans first, then auto-configured ones, sorted by order.
        List<TaskDecorator> decorators = new ArrayList<>(List.of(user, new TenantTaskDecorator()));
        AnnotationAwareOrderComparator.sort(decorators);
        pool = onePool(new CompositeTaskDecorator(decorators));

        try (TenantScope ignored = TenantContext.enter(jp)) {
            assertThat(on(pool, () -> tenantAndMdc())).isEqualTo("jp/jp");
        }

        assertThat(seenByUserDecorator).containsExactly("jp/jp");
    }

    @Test
    void scheduledTaskRunsWithTheTenantItWasScheduledWithAndLeavesTheSchedulerThreadClean() throws Exception {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setTaskDecorator(new TenantTaskDecorator());
        scheduler.initialize();
        try {
            CompletableFuture<String> during = new CompletableFuture<>();
            try (TenantScope ignored = TenantContext.enter(jp)) {
                scheduler.schedule(() -> during.complete(tenantAndMdc()), java.time.Instant.now());
            }
            CompletableFuture<String> after = new CompletableFuture<>();
            scheduler.schedule(() -> after.complete(tenantAndMdc()), java.time.Instant.now());

            assertThat(during.get(10, TimeUnit.SECONDS)).isEqualTo("jp/jp");
            assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("none/null");
        } finally {
            scheduler.shutdown();
        }
    }

    private static String tenantAndMdc() {
        return TenantContext.current().map(t -> t.id().value()).orElse("none") + "/" + MDC.get(TenantContext.MDC_KEY);
    }

    private static ThreadPoolTaskExecutor onePool(TaskDecorator decorator) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setTaskDecorator(decorator);
        pool.initialize();
        return pool;
    }

    private static <T> T on(ThreadPoolTaskExecutor pool, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool).join();
    }
}
