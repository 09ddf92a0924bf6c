package io.tenantkit.propagation;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import io.tenantkit.benchmarks.ComparedTo;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantHandOff;
import io.tenantkit.context.TenantScope;
import io.tenantkit.spring.propagation.TenantTaskDecorator;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.TtlRunnable;

/**
 * Handing a task that reads the tenant to an executor, side by side:
 * <ul>
 * <li>{@code plainExecutor}: the limit, a plain executor carrying nothing (the task reads a plain thread local);
 * <li>{@code rawTtlRunnable}: raw TTL, a {@code TransmittableThreadLocal<Tenant>} handed over by {@link TtlRunnable}
 *     (TTL's generic capture, replay and restore; no MDC);
 * <li>{@code tenantKitExecutor}: an executor wrapped by {@link TenantExecutors#wrap(Executor)}, the fast path: the
 *     tenant is all there is to carry, so the task carries it alone and enters it, with its MDC value (Logback's
 *     real MDC), on the worker;
 * <li>{@code tenantKitExecutorWithOtherTtlValue}: the same executor while the submitting thread also holds another
 *     {@code TransmittableThreadLocal} value (a trace id), the slow path: TTL's full capture carries both;
 * <li>{@code springTaskDecorator}: the starter's {@link TenantTaskDecorator} as Spring's task executors apply it,
 *     with its defaults: the tenant, the rest of the MDC (a request id here) and the Micrometer context snapshot.
 * </ul>
 * Targets: {@code tenantKitExecutor} at most 50 ns and at least 5x faster than {@code rawTtlRunnable} on a
 * same-thread executor, and within 1.05x of {@code plainExecutor} through a one-thread pool.
 *
 * <p>{@code executor}: {@code sameThread} runs the task on the calling thread ({@code Runnable::run}), so the score
 * is the wrapping, capture, replay and restore cost without queueing noise; {@code singleThreadPool} is a real round
 * trip through a one-thread pool (submit, run, wait), where the thread hand-over dominates. Each variant checks once
 * at setup that the task really sees everything it must (tenant, MDC values, the other TTL value; the measured task
 * reads one value, as a task that needs its tenant does), and the TenantKit variants that the path they name is the
 * one taken. Raw TTL runs in its own fork (JMH forks per benchmark), where TenantKit's TTL transmittee is never
 * registered, so its {@code TtlRunnable} captures only the one TTL value.
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar TaskHandOffBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TaskHandOffBenchmark {

    /** The tenant every variant hands over. */
    static final Tenant JP = Tenant.builder("jp").parent("apac").currency("JPY").build();

    /** The limit: a plain executor; the task reads a plain thread local. */
    @Benchmark
    public @Nullable Object plainExecutor(Plain state) throws Exception {
        return state.handOff();
    }

    /** Raw TTL: each task wrapped in {@code TtlRunnable.get}; the task reads the {@code TransmittableThreadLocal}. */
    @Benchmark
    @ComparedTo("plainExecutor")
    public @Nullable Object rawTtlRunnable(RawTtl state) throws Exception {
        return state.handOff();
    }

    /** TenantKit, fast path: the executor wrapped by {@code TenantExecutors.wrap}; the task reads {@code TenantContext}. */
    @Benchmark
    @ComparedTo({"plainExecutor", "rawTtlRunnable"})
    public @Nullable Object tenantKitExecutor(TenantKit state) throws Exception {
        return state.handOff();
    }

    /** TenantKit, slow path: the same with another TTL value on the submitting thread, which the task reads. */
    @Benchmark
    @ComparedTo({"plainExecutor", "rawTtlRunnable", "tenantKitExecutor"})
    public @Nullable Object tenantKitExecutorWithOtherTtlValue(TenantKitWithOtherTtlValue state) throws Exception {
        return state.handOff();
    }

    /** The starter's task decorator (tenant, MDC with a request id, Micrometer snapshot); the task reads the tenant. */
    @Benchmark
    @ComparedTo({"plainExecutor", "tenantKitExecutor"})
    public @Nullable Object springTaskDecorator(SpringDecorator state) throws Exception {
        return state.handOff();
    }

    /**
     * The executor under test, the measured task (it reads one value, as a task that needs its tenant does) and a
     * check run once at setup that reads everything the variant must carry.
     */
    @State(Scope.Thread)
    public abstract static class HandOff {

        @Param({"sameThread", "singleThreadPool"})
        public String executor;

        private @Nullable ExecutorService pool;
        private Executor submitter = Runnable::run;
        volatile @Nullable Object seen;
        private final Runnable task = () -> seen = read();

        @Setup(Level.Trial)
        public void start() throws Exception {
            Executor base;
            if (executor.equals("singleThreadPool")) {
                pool = Executors.newSingleThreadExecutor();
                base = pool;
            } else {
                base = Runnable::run;
            }
            submitter = prepare(base);
            FutureTask<String> check = new FutureTask<>(this::carried);
            submitter.execute(check);
            String observed = check.get(10, TimeUnit.SECONDS);
            if (!observed.equals(expected()) || !Objects.equals(handOff(), seen)) {
                throw new IllegalStateException(getClass().getSimpleName() + " on " + executor
                        + ": the task saw " + observed + " instead of " + expected());
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            finish();
            if (pool != null) {
                pool.shutdown();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }

        /** Sets the context on the calling thread and returns the executor to submit to. */
        abstract Executor prepare(Executor base);

        /** What the measured task reads on the worker thread. */
        abstract @Nullable Object read();

        /** Everything the variant carries, as the worker sees it (checked once, at setup). */
        abstract String carried();

        /** What {@link #carried()} must say. */
        abstract String expected();

        /** Undoes {@link #prepare}. */
        abstract void finish();

        static String idOf(@Nullable Tenant tenant) {
            return tenant == null ? "null" : tenant.id().value();
        }

        /** Hands the task to the executor and returns what it saw once it has run. */
        final @Nullable Object handOff() throws InterruptedException, ExecutionException {
            if (pool == null) {
                submitter.execute(task);
            } else {
                FutureTask<Void> done = new FutureTask<>(task, null);
                submitter.execute(done);
                done.get();
            }
            return seen;
        }
    }

    /** A plain executor and a plain thread local. */
    public static class Plain extends HandOff {

        private static final ThreadLocal<Tenant> PLAIN = new ThreadLocal<>();

        @Override
        Executor prepare(Executor base) {
            PLAIN.set(JP);
            return base;
        }

        @Override
        @Nullable Object read() {
            return PLAIN.get();
        }

        @Override
        String carried() {
            return idOf(PLAIN.get());
        }

        @Override
        String expected() {
            // A plain executor carries nothing: only a same-thread executor sees the caller's value.
            return executor.equals("sameThread") ? "jp" : "null";
        }

        @Override
        void finish() {
            PLAIN.remove();
        }
    }

    /** Raw TTL: one {@code TransmittableThreadLocal<Tenant>}, each task wrapped by {@code TtlRunnable.get}. */
    public static class RawTtl extends HandOff {

        private static final TransmittableThreadLocal<Tenant> TTL = new TransmittableThreadLocal<>();

        @Override
        Executor prepare(Executor base) {
            TTL.set(JP);
            return command -> base.execute(TtlRunnable.get(command));
        }

        @Override
        @Nullable Object read() {
            return TTL.get();
        }

        @Override
        String carried() {
            return idOf(TTL.get());
        }

        @Override
        String expected() {
            return "jp";
        }

        @Override
        void finish() {
            TTL.remove();
        }
    }

    /** The executor wrapped by TenantKit, jp entered on the submitting thread; the task reads tenant and MDC value. */
    public static class TenantKit extends HandOff {

        private @Nullable TenantScope scope;

        @Override
        Executor prepare(Executor base) {
            scope = TenantContext.enter(JP);
            String path = TenantHandOff.capture().toString();
            if (!path.equals(path())) {
                throw new IllegalStateException("Expected the hand-off " + path() + ", got " + path);
            }
            return TenantExecutors.wrap(base);
        }

        @Override
        @Nullable Object read() {
            return TenantContext.currentOrNull();
        }

        @Override
        String carried() {
            return idOf(TenantContext.currentOrNull()) + "/" + MDC.get(TenantContext.MDC_KEY);
        }

        @Override
        String expected() {
            return "jp/jp";
        }

        @Override
        void finish() {
            if (scope != null) {
                scope.close();
            }
        }

        /** The hand-off the benchmark is named after (checked at setup): the tenant alone. */
        String path() {
            return "TenantHandOff[jp]";
        }
    }

    /** As {@link TenantKit}, with another TTL value (a trace id) on the submitting thread, which the task reads too. */
    public static class TenantKitWithOtherTtlValue extends TenantKit {

        private static final TransmittableThreadLocal<String> TRACE = new TransmittableThreadLocal<>();

        @Override
        Executor prepare(Executor base) {
            TRACE.set("trace-1");
            return super.prepare(base);
        }

        @Override
        String path() {
            return "TenantHandOff[all TTL values]";
        }

        @Override
        @Nullable Object read() {
            return TRACE.get();
        }

        @Override
        String carried() {
            return super.carried() + "/" + TRACE.get();
        }

        @Override
        String expected() {
            return super.expected() + "/trace-1";
        }

        @Override
        void finish() {
            super.finish();
            TRACE.remove();
        }
    }

    /** Spring's way: every task decorated by the starter's {@link TenantTaskDecorator}, defaults on. */
    public static class SpringDecorator extends HandOff {

        private @Nullable TenantScope scope;

        @Override
        Executor prepare(Executor base) {
            scope = TenantContext.enter(JP);
            MDC.put("requestId", "r-1");
            TaskDecorator decorator = new TenantTaskDecorator();
            return command -> base.execute(decorator.decorate(command));
        }

        @Override
        @Nullable Object read() {
            return TenantContext.currentOrNull();
        }

        @Override
        String carried() {
            return idOf(TenantContext.currentOrNull()) + "/" + MDC.get(TenantContext.MDC_KEY) + "/" + MDC.get("requestId");
        }

        @Override
        String expected() {
            return "jp/jp/r-1";
        }

        @Override
        void finish() {
            MDC.remove("requestId");
            if (scope != null) {
                scope.close();
            }
        }
    }
}
