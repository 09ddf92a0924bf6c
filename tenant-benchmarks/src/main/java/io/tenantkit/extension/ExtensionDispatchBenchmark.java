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
import org.springframework.context.ConfigurableApplicationContext;
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
 *   <li>{@code handleCurrent}: TenantKit's core API, {@code ExtensionHandle.current().fee(amount)}, over
 *       a registry bound from the {@code @Extension} annotations ({@link TenantKitFees#registry()}).</li>
 *   <li>{@code springBean}: the {@code FeeCalculator} bean a Spring Boot application with the TenantKit
 *       starter injects into shared code (the generated router), called like any bean.</li>
 *   <li>{@code colaExecute}: COLA 5.0's {@code ExtensionExecutor.execute} with the tenant's
 *       {@code BizScenario} prebuilt (in an application it is usually built per call, which costs more):
 *       a first-try hit for jp, a fallback to the use case default for sg, to the business default for us.</li>
 *   <li>{@code directAll}, {@code tenantContextTableAll}, {@code handleAll}: several implementations
 *       combined (every implementation up the tenant's chain, summed): the "all" reducer, in hand, over a
 *       hand-built table, and through {@code ExtensionHandle.all()}. COLA has no counterpart: it allows one
 *       implementation per coordinate.</li>
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

    /** TenantKit's core API: the current tenant's implementation from the handle, then the call. */
    @Benchmark
    @ComparedTo({"direct", "colaExecute"})
    public long handleCurrent(Core core) {
        return core.handle.current().fee(amount);
    }

    /** The bean the starter injects for {@code FeeCalculator}, called as shared code calls it. */
    @Benchmark
    @ComparedTo({"direct", "colaExecute"})
    public long springBean(Spring spring) {
        return spring.fees.fee(amount);
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

    /** The "all" reducer through TenantKit's core API: {@code ExtensionHandle.all()}, summed. */
    @Benchmark
    @ComparedTo({"directAll", "tenantContextTableAll"})
    public long handleAll(Core core) {
        long sum = 0;
        for (FeeCalculator fee : core.handle.all()) {
            sum += fee.fee(amount);
        }
        return sum;
    }

    /** TenantKit's core registry over the scenario, and the handle shared code keeps in a field. */
    @State(Scope.Thread)
    public static class Core {

        ExtensionHandle<FeeCalculator> handle;

        @Setup(Level.Trial)
        public void bind(ExtensionDispatchBenchmark benchmark) {
            handle = TenantKitFees.registry().handle(FeeCalculator.class);
            check("ExtensionHandle.current()", handle.current(), benchmark);
        }
    }

    /** A Spring Boot application with the TenantKit starter, started once per fork, and its injected bean. */
    @State(Scope.Thread)
    public static class Spring {

        private @Nullable ConfigurableApplicationContext context;
        FeeCalculator fees;

        @Setup(Level.Trial)
        public void start(ExtensionDispatchBenchmark benchmark) {
            context = TenantKitFees.startSpring();
            fees = context.getBean(FeeCalculator.class);
            if (!ExtensionRouters.isGenerated(fees)) {
                throw new IllegalStateException("The injected FeeCalculator is " + fees.getClass().getName()
                        + ", not the generated router; is the TenantKit annotation processor running on this module?");
            }
            check("the injected FeeCalculator bean", fees, benchmark);
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (context != null) {
                context.close();
            }
        }
    }

    /** Fails the trial unless {@code answered} computes the fee of the implementation in hand. */
    static void check(String what, FeeCalculator answered, ExtensionDispatchBenchmark benchmark) {
        long expected = benchmark.direct.fee(benchmark.amount);
        long fee = answered.fee(benchmark.amount);
        if (fee != expected) {
            throw new IllegalStateException(what + " answered " + fee + " at level " + benchmark.level + ", expected " + expected);
        }
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
