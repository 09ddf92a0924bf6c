package io.tenantkit.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.tenantkit.benchmarks.ComparedTo;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.extension.ExtensionBinding;
import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.extension.ExtensionPoint;
import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.config.TenantConfigurationBinder;
import io.tenantkit.spring.config.TenantConfigurationProperties;
import io.tenantkit.spring.config.TenantConfigValidation;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

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
import org.springframework.core.env.StandardEnvironment;

/**
 * The per-tenant configuration read on a hot path, {@code TenantConfiguration.current()} (target ≤ 5 ns), beside
 * an extension call's lookup, {@code ExtensionHandle.current()}, over the same tenants, with jp current:
 *
 * <ul>
 *   <li>{@code extensionCurrent}: the current tenant's implementation of an extension point (not called).</li>
 *   <li>{@code configurationCurrent}: the current tenant's bound {@code @TenantConfigurationProperties} record.</li>
 *   <li>{@code configurationCurrentRate}: the same and one of its values, as business code reads it.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar TenantConfigurationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TenantConfigurationBenchmark {

    /** An extension point of one global implementation. */
    @ExtensionPoint
    public interface RatePolicy {

        /** The rate. */
        BigDecimal rate();
    }

    /**
     * The bound class.
     *
     * @param rate the rate
     */
    @TenantConfigurationProperties("fees")
    public record Fees(BigDecimal rate) {
    }

    static final TenantSnapshot TENANTS = TenantSnapshot.of(
            Tenant.builder("global").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("apac").parent("global").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("jp").parent("apac").build(),
            Tenant.builder("us").parent("global").build());

    private ExtensionHandle<RatePolicy> handle;
    private TenantConfiguration<Fees> fees;
    private @Nullable TenantScope scope;

    @Setup(Level.Trial)
    public void setUp() {
        TenantRegistry registry = new TenantRegistry(TENANTS);
        ExtensionRegistry extensions = ExtensionRegistry.builder(registry)
                .bind(ExtensionBinding.builder(RatePolicy.class, (RatePolicy) () -> BigDecimal.ONE).build()).build();
        handle = extensions.handle(RatePolicy.class);
        TenantFile jp = new TenantFile(TenantId.of("jp"), "jp.yml", Map.of(), Map.of("fees.rate",
                new ConfigValue("fees.rate", "0.036", new ConfigOrigin(ConfigOrigin.MODULE, "jp", "jp.yml", 1))));
        TenantFile global = new TenantFile(TenantId.of("global"), "global.yml", Map.of(), Map.of("fees.rate",
                new ConfigValue("fees.rate", "0.05", new ConfigOrigin(ConfigOrigin.MODULE, "global", "global.yml", 1))));
        TenantConfigStore store = new TenantConfigStore(TenantConfigGeneration.of(TENANTS,
                Map.of(jp.tenant(), jp, global.tenant(), global), Map.of(), ConfigDefaults.NONE));
        fees = new TenantConfigurationBinder(store, new StandardEnvironment(), List.of(Fees.class),
                TenantConfigValidation.NONE).handle(Fees.class);
        scope = TenantContext.enter(registry.require(TenantId.of("jp")));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (scope != null) {
            scope.close();
        }
    }

    /** Baseline: an extension call's lookup. */
    @Benchmark
    public Object extensionCurrent() {
        return handle.current();
    }

    /** The current tenant's bound configuration. */
    @Benchmark
    @ComparedTo("extensionCurrent")
    public Object configurationCurrent() {
        return fees.current();
    }

    /** The current tenant's bound configuration and one of its values. */
    @Benchmark
    @ComparedTo("extensionCurrent")
    public BigDecimal configurationCurrentRate() {
        return fees.current().rate();
    }
}
