package io.tenantkit.extension;

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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.alibaba.cola.extension.BizScenario;
import com.alibaba.cola.extension.ExtensionExecutor;

import com.alibaba.ttl.TransmittableThreadLocal;

/**
 * One call of a one-line {@code fee(amount)} extension point for the current tenant, whose
 * implementation is found at the tenant level ({@code level=tenant}: jp), the region level
 * ({@code region}: sg, through apac) or the global default ({@code global}: us). See {@link FeeScenario}.
 *
 * <ul>
 *   <li>{@code direct}: the implementation already in hand, called through the interface. The limit.</li>
 *   <li>{@code threadLocalIndex}, {@code transmittableIndex}: the tenant's index in a plain
 *       {@code ThreadLocal<Integer>} or a {@code TransmittableThreadLocal<Integer>}, then a precomputed
 *       table: the design's reference figures.</li>
 *   <li>{@code tenantContextTable}: {@code TenantContext.currentOrNull()}, the snapshot index of that
 *       tenant, a precomputed table: the floor a table-based dispatch over TenantKit's context reaches,
 *       built by hand here from the public core API.</li>
 *   <li>{@code colaExecute}: COLA 5.0's {@code ExtensionExecutor.execute} with the tenant's
 *       {@code BizScenario} prebuilt (in an application it is usually built per call, which costs more):
 *       a first-try hit for jp, a fallback to the use case default for sg, to the business default for us.</li>
 *   <li>{@code directAll}, {@code tenantContextTableAll}: several implementations combined (every
 *       implementation up the tenant's chain, summed): the "all" reducer. COLA has no counterpart: it
 *       allows one implementation per coordinate.</li>
 * </ul>
 *
 * <p>Each benchmark runs in its own fork, so every call site sees one implementation class, as in an
 * application serving one tenant per call site profile; that favours all variants alike.
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar ExtensionDispatchBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExtensionDispatchBenchmark {

    private static final ThreadLocal<Integer> INDEX = new ThreadLocal<>();
    private static final TransmittableThreadLocal<Integer> TTL_INDEX = new TransmittableThreadLocal<>();

    @Param({"tenant", "region", "global"})
    public String level;

    long amount = 10_000;

    private final FeeCalculator[] nearest = FeeScenario.nearestByIndex();
    private final FeeCalculator[][] chains = FeeScenario.chainByIndex();
    private FeeCalculator direct = Fees.GLOBAL;
    private FeeCalculator[] directChain = new FeeCalculator[0];
    private @Nullable TenantScope scope;

    @Setup(Level.Trial)
    public void enterTenant() {
        Tenant tenant = FeeScenario.tenantAnsweredAt(level);
        int index = FeeScenario.TENANTS.indexOf(tenant);
        direct = nearest[index];
        directChain = chains[index];
        INDEX.set(index);
        TTL_INDEX.set(index);
        scope = TenantContext.enter(tenant);
    }

    @TearDown(Level.Trial)
    public void leaveTenant() {
        if (scope != null) {
            scope.close();
        }
        INDEX.remove();
        TTL_INDEX.remove();
    }

    /** The limit: the implementation in hand, called through the interface. */
    @Benchmark
    public long direct() {
        return direct.fee(amount);
    }

    /** Reference: {@code ThreadLocal<Integer>} tenant index, then an array read. */
    @Benchmark
    @ComparedTo("direct")
    public long threadLocalIndex() {
        return nearest[INDEX.get()].fee(amount);
    }

    /** Reference: the same index through {@code TransmittableThreadLocal.get()}. */
    @Benchmark
    @ComparedTo("direct")
    public long transmittableIndex() {
        return nearest[TTL_INDEX.get()].fee(amount);
    }

    /** Floor over TenantKit's context: current tenant, its snapshot index, an array read. */
    @Benchmark
    @ComparedTo("direct")
    public long tenantContextTable() {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            throw TenantContext.missing("FeeCalculator.fee");
        }
        return nearest[FeeScenario.TENANTS.indexOf(tenant)].fee(amount);
    }

    /** COLA 5.0: {@code ExtensionExecutor.execute} with the tenant's prebuilt {@code BizScenario}. */
    @Benchmark
    @ComparedTo("direct")
    public long colaExecute(Cola cola) {
        long a = amount;
        return cola.executor.execute(ColaFees.FeeExtPt.class, cola.scenario, ext -> ext.fee(a));
    }

    /** The limit for the "all" reducer: every implementation of the chain in hand, summed. */
    @Benchmark
    public long directAll() {
        long sum = 0;
        for (FeeCalculator fee : directChain) {
            sum += fee.fee(amount);
        }
        return sum;
    }

    /** The "all" reducer over TenantKit's context: current tenant, its index, the chain's implementations summed. */
    @Benchmark
    @ComparedTo("directAll")
    public long tenantContextTableAll() {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            throw TenantContext.missing("FeeCalculator.fee");
        }
        long sum = 0;
        for (FeeCalculator fee : chains[FeeScenario.TENANTS.indexOf(tenant)]) {
            sum += fee.fee(amount);
        }
        return sum;
    }

    /** COLA's Spring context, started once per fork, and the tenant's {@code BizScenario}. */
    @State(Scope.Thread)
    public static class Cola {

        private @Nullable AnnotationConfigApplicationContext context;
        ExtensionExecutor executor;
        BizScenario scenario;

        @Setup(Level.Trial)
        public void start(ExtensionDispatchBenchmark benchmark) {
            context = ColaFees.start();
            executor = ColaFees.executor(context);
            Tenant tenant = FeeScenario.tenantAnsweredAt(benchmark.level);
            scenario = ColaFees.scenarioOf(tenant);
            long expected = ColaFees.EXPECTED.get(tenant.id().value()).fee(benchmark.amount);
            long answered = executor.execute(ColaFees.FeeExtPt.class, scenario, ext -> ext.fee(benchmark.amount));
            if (answered != expected) {
                throw new IllegalStateException("COLA answered " + answered + " for " + tenant.id() + ", expected " + expected);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (context != null) {
                context.close();
            }
        }
    }
}
