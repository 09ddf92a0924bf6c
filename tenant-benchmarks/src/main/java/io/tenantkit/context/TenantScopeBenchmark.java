package io.tenantkit.context;

import java.util.concurrent.TimeUnit;

import io.tenantkit.benchmarks.ComparedTo;
import io.tenantkit.tenant.Tenant;

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
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import com.alibaba.ttl.TransmittableThreadLocal;

/**
 * Entering and leaving a tenant scope (the MDC kept in step, Logback's MDC adapter underneath) against
 * the raw thread-local writes it is built on, each putting back what was there before as a scope does.
 * Target: enter + leave under 100 ns.
 *
 * <p>{@code outer}: {@code none} runs on a thread without a tenant (a request thread at the edge),
 * {@code tenant} with another tenant already current (a nested scope, such as a job fanning out).
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar TenantScopeBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TenantScopeBenchmark {

    private static final ThreadLocal<Tenant> RAW = new ThreadLocal<>();
    private static final TransmittableThreadLocal<Tenant> TTL = new TransmittableThreadLocal<>();

    @Param({"none", "tenant"})
    public String outer;

    private final Tenant jp = Tenant.builder("jp").parent("apac").currency("JPY").build();
    private final Tenant us = Tenant.builder("us").parent("amer").currency("USD").build();
    private @Nullable TenantScope outerScope;

    @Setup(Level.Trial)
    public void enterOuter() {
        if (outer.equals("tenant")) {
            outerScope = TenantContext.enter(us);
            RAW.set(us);
            TTL.set(us);
        }
    }

    @TearDown(Level.Trial)
    public void leaveOuter() {
        if (outerScope != null) {
            outerScope.close();
        }
        RAW.remove();
        TTL.remove();
    }

    /**
     * The limit for a write: set a plain {@code ThreadLocal}, then put back what was there (remove it
     * when nothing was), as a scope must.
     */
    @Benchmark
    public void threadLocalSetRestore() {
        Tenant previous = RAW.get();
        RAW.set(jp);
        restore(RAW, previous);
    }

    /** The same plus the MDC put and the restore of the previous MDC value that a tenant scope also does. */
    @Benchmark
    @ComparedTo("threadLocalSetRestore")
    public void threadLocalSetRestoreWithMdc() {
        Tenant previous = RAW.get();
        String previousMdc = MDC.get(TenantContext.MDC_KEY);
        RAW.set(jp);
        MDC.put(TenantContext.MDC_KEY, jp.id().value());
        restore(RAW, previous);
        if (previousMdc == null) {
            MDC.remove(TenantContext.MDC_KEY);
        } else {
            MDC.put(TenantContext.MDC_KEY, previousMdc);
        }
    }

    /** Set and restore a {@code TransmittableThreadLocal}, as a TTL-only tenant holder would. */
    @Benchmark
    @ComparedTo("threadLocalSetRestore")
    public void transmittableSetRestore() {
        Tenant previous = TTL.get();
        TTL.set(jp);
        restore(TTL, previous);
    }

    /** TenantKit: enter and leave a scope, MDC included, restoring the outer tenant exactly. */
    @Benchmark
    @ComparedTo({"threadLocalSetRestore", "threadLocalSetRestoreWithMdc"})
    public TenantScope enterAndLeave() {
        try (TenantScope scope = TenantContext.enter(jp)) {
            return scope;
        }
    }

    private static void restore(ThreadLocal<Tenant> slot, @Nullable Tenant previous) {
        if (previous == null) {
            slot.remove();
        } else {
            slot.set(previous);
        }
    }
}
