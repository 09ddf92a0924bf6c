package io.tenantkit.propagation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import io.tenantkit.benchmarks.ComparedTo;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
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

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.TtlRunnable;

/**
 * Handing a task that reads the tenant to an executor: a plain executor (carries nothing), an executor
 * wrapped by {@link TenantExecutors#wrap(Executor)} (captures the tenant, replays it on the worker with
 * its MDC value, restores the worker afterwards), and raw TTL (a {@code TransmittableThreadLocal<Tenant>}
 * handed over by {@link TtlRunnable}, no MDC). Target: the wrapped executor within 1.2x of raw TTL.
 *
 * <p>{@code executor}: {@code sameThread} runs the task on the calling thread ({@code Runnable::run}),
 * so the score is the wrapping, capture, replay and restore cost without queueing noise;
 * {@code singleThreadPool} is a real round trip through a one-thread pool (submit, run, wait), where the
 * thread hand-over dominates. Each variant checks once at setup that the task really sees the tenant.
 * Raw TTL runs in its own fork, where TenantKit's TTL transmittee is never registered, so its
 * {@code TtlRunnable} captures only the one TTL value.
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar TaskHandOffBenchmark}
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

    /** TenantKit: the executor wrapped by {@code TenantExecutors.wrap}; the task reads {@code TenantContext}. */
    @Benchmark
    @ComparedTo({"plainExecutor", "rawTtlRunnable"})
    public @Nullable Object tenantKitExecutor(TenantKit state) throws Exception {
        return state.handOff();
    }

    /** Raw TTL: each task wrapped in {@code TtlRunnable.get}; the task reads the {@code TransmittableThreadLocal}. */
    @Benchmark
    @ComparedTo("plainExecutor")
    public @Nullable Object rawTtlRunnable(RawTtl state) throws Exception {
        return state.handOff();
    }

    /** The executor under test and a task that records what it saw. */
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
            Object expected = expected();
            Object observed = handOff();
            if (observed != expected) {
                throw new IllegalStateException(getClass().getSimpleName() + " on " + executor
                        + ": the task saw " + observed + " instead of " + expected);
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

        /** Sets the tenant on the calling thread and returns the executor to submit to. */
        abstract Executor prepare(Executor base);

        /** What the task reads on the worker thread. */
        abstract @Nullable Object read();

        /** What the task must see. */
        abstract @Nullable Object expected();

        /** Undoes {@link #prepare}. */
        abstract void finish();

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
        @Nullable Object expected() {
            // A plain executor carries nothing: only a same-thread executor sees the caller's value.
            return executor.equals("sameThread") ? JP : null;
        }

        @Override
        void finish() {
            PLAIN.remove();
        }
    }

    /** The executor wrapped by TenantKit, jp entered on the submitting thread. */
    public static class TenantKit extends HandOff {

        private @Nullable TenantScope scope;

        @Override
        Executor prepare(Executor base) {
            scope = TenantContext.enter(JP);
            return TenantExecutors.wrap(base);
        }

        @Override
        @Nullable Object read() {
            return TenantContext.currentOrNull();
        }

        @Override
        @Nullable Object expected() {
            return JP;
        }

        @Override
        void finish() {
            if (scope != null) {
                scope.close();
            }
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
        @Nullable Object expected() {
            return JP;
        }

        @Override
        void finish() {
            TTL.remove();
        }
    }
}
