package io.tenantkit.logging;

import java.util.concurrent.TimeUnit;

import io.tenantkit.benchmarks.ComparedTo;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.MDC;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.helpers.NOPAppender;

/**
 * What the per-tenant level filter adds to a log call, on real Logback contexts side by side, inside a tenant
 * scope ({@code jp}), the logger at INFO: a DEBUG call with no turbo filter (the floor); the same call with
 * {@link TenantLevelFilter} installed and no override anywhere (target: at most 2 ns more; the filter then stays
 * out of Logback's chain); with the WARN/ERROR counter on (a {@link TenantLogEvents} appender on the root logger,
 * as the Spring Boot starter adds when Micrometer is present) and no override; with an override set for another tenant only
 * (the filter then reads the tenant and looks it up); and a DEBUG call that a {@code jp}
 * override turns on, written to a no-op appender (the cost of an enabled line: the filter's decision plus
 * Logback building and dispatching the event).
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar TenantLevelFilterBenchmark}, or the report
 * group {@code logging}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TenantLevelFilterBenchmark {

    private static final String LOGGER = "io.example.payout.PayoutService";

    private final Tenant jp = Tenant.builder("jp").build();
    private final LoggerContext plain = context();
    private final LoggerContext filtered = context();
    private final LoggerContext counting = context();
    private final LoggerContext otherTenant = context();
    private final LoggerContext enabled = context();
    private final Logger plainLogger = plain.getLogger(LOGGER);
    private final Logger filteredLogger = filtered.getLogger(LOGGER);
    private final Logger countingLogger = counting.getLogger(LOGGER);
    private final Logger otherTenantLogger = otherTenant.getLogger(LOGGER);
    private final Logger enabledLogger = enabled.getLogger(LOGGER);
    private long order = 42;
    private @Nullable TenantScope scope;

    @Setup
    public void setUp() {
        new TenantLevelFilter().installIn(filtered);
        new TenantLevelFilter().installIn(counting);
        new TenantLogEvents((tenant, level) -> order++).installIn(counting);
        TenantLevelFilter other = new TenantLevelFilter();
        other.setLevel(TenantId.of("us"), "io.example.payout", Level.DEBUG);
        other.installIn(otherTenant);
        TenantLevelFilter debugForJp = new TenantLevelFilter();
        debugForJp.setLevel(jp.id(), "io.example.payout", Level.DEBUG);
        debugForJp.installIn(enabled);
        NOPAppender<ILoggingEvent> nop = new NOPAppender<>();
        nop.setContext(enabled);
        nop.start();
        enabled.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(nop);
        scope = TenantContext.enter(jp);
    }

    @TearDown
    public void tearDown() {
        if (scope != null) {
            scope.close();
        }
        plain.stop();
        filtered.stop();
        counting.stop();
        otherTenant.stop();
        enabled.stop();
    }

    /** The floor: a disabled DEBUG call on Logback with no turbo filter. */
    @Benchmark
    public void disabledDebugWithoutFilter() {
        plainLogger.debug("payout {} queued", order);
    }

    /** The same call with the filter installed, no override and no listener set: out of the chain. */
    @Benchmark
    @ComparedTo("disabledDebugWithoutFilter")
    public void disabledDebugWithFilter() {
        filteredLogger.debug("payout {} queued", order);
    }

    /** The same call with the filter installed and the WARN/ERROR counter's appender on the root logger, no override set. */
    @Benchmark
    @ComparedTo("disabledDebugWithoutFilter")
    public void disabledDebugWithErrorCounter() {
        countingLogger.debug("payout {} queued", order);
    }

    /** The same call while another tenant has an override: the filter reads the tenant and finds none for it. */
    @Benchmark
    @ComparedTo("disabledDebugWithoutFilter")
    public void disabledDebugWithOtherTenantsOverride() {
        otherTenantLogger.debug("payout {} queued", order);
    }

    /** A DEBUG call a jp override turns on, written to a no-op appender. */
    @Benchmark
    @ComparedTo("disabledDebugWithoutFilter")
    public void debugEnabledByOverride() {
        enabledLogger.debug("payout {} queued", order);
    }

    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        return context;
    }
}
