package io.tenantkit.tenant;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.tenantkit.extension.ExtensionRegistry;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Building the tenant registry for 10, 1,000 and 10,000 config-only tenants (see {@link ScaleTenants}),
 * warm: what a reload costs once the JVM is hot. The cold cost, paid once at application start-up, and
 * the retained heap per tenant are measured by {@link TenantScale} in fresh JVMs.
 *
 * <ul>
 *   <li>{@code snapshotAndRegistry}: validate the declared tenants into a {@link TenantSnapshot}
 *       (dense indexes, parent links, cycle check) and hold it in a {@link TenantRegistry};</li>
 *   <li>{@code declareAndBuild}: the same, from ids and values, building each {@link Tenant} first
 *       (what binding {@code tenantkit.tenants.*} properties ends in);</li>
 *   <li>{@code extensionTables}: build and validate the dispatch tables of {@link ScaleExtensions} (three
 *       points, region and country-module bindings) over the registry: what every tenant or binding
 *       change costs on top of the registry.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar TenantRegistryBuildBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TenantRegistryBuildBenchmark {

    @Param({"10", "1000", "10000"})
    public int tenants;

    private List<Tenant> declared = List.of();
    private TenantRegistry registry = TenantRegistry.of();

    @Setup(Level.Trial)
    public void declare() {
        declared = ScaleTenants.declare(tenants);
        registry = new TenantRegistry(TenantSnapshot.of(declared));
    }

    /** Validates the declared tenants into a snapshot held by a new registry. */
    @Benchmark
    public TenantRegistry snapshotAndRegistry() {
        return new TenantRegistry(TenantSnapshot.of(declared));
    }

    /** Builds every tenant from its values, then the snapshot and the registry. */
    @Benchmark
    public TenantRegistry declareAndBuild() {
        return new TenantRegistry(TenantSnapshot.of(ScaleTenants.declare(tenants)));
    }

    /** Builds and validates the extension tables over the registry (closed again, so no listener piles up). */
    @Benchmark
    public ExtensionRegistry extensionTables() {
        try (ExtensionRegistry extensions = ScaleExtensions.registry(registry, tenants)) {
            return extensions;
        }
    }
}
