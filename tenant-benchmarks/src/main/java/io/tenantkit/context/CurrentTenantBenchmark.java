package io.tenantkit.context;

import java.util.concurrent.TimeUnit;

import io.tenantkit.benchmarks.ComparedTo;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.alibaba.ttl.TransmittableThreadLocal;

/**
 * Reading the current tenant: {@link TenantContext#currentOrNull()} against a raw {@code ThreadLocal.get()}
 * and a {@code TransmittableThreadLocal.get()}, each holding the same tenant. Every extension call pays
 * this read, so it decides whether dispatch can stay within 5 ns.
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar CurrentTenantBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CurrentTenantBenchmark {

    private static final ThreadLocal<Tenant> RAW = new ThreadLocal<>();
    private static final TransmittableThreadLocal<Tenant> TTL = new TransmittableThreadLocal<>();

    private final Tenant jp = Tenant.builder("jp").parent("apac").currency("JPY").build();
    private @Nullable TenantScope scope;

    @Setup(Level.Trial)
    public void enter() {
        scope = TenantContext.enter(jp);
        RAW.set(jp);
        TTL.set(jp);
    }

    @TearDown(Level.Trial)
    public void leave() {
        if (scope != null) {
            scope.close();
        }
        RAW.remove();
        TTL.remove();
    }

    /** The limit: {@code ThreadLocal.get()}. */
    @Benchmark
    public @Nullable Tenant threadLocalGet() {
        return RAW.get();
    }

    /** {@code TransmittableThreadLocal.get()}, which registers itself in a holder on every call (TTL#794). */
    @Benchmark
    @ComparedTo("threadLocalGet")
    public @Nullable Tenant transmittableGet() {
        return TTL.get();
    }

    /** TenantKit's hot-path read: the plain thread-local slot, then the frame's tenant. */
    @Benchmark
    @ComparedTo("threadLocalGet")
    public @Nullable Tenant currentOrNull() {
        return TenantContext.currentOrNull();
    }
}
