package io.tenantkit.spring.logging;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tenantkit.logging.TenantFileAppender;
import io.tenantkit.logging.TenantLogEventListener;
import io.tenantkit.tenant.TenantTagValues;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

import ch.qos.logback.classic.Level;

/**
 * Tenant log metrics. {@value #EVENTS}: a counter of WARN and ERROR log events by {@code tenant} and
 * {@code level} ({@code warn}, {@code error}), the tenant tag bounded by {@link TenantTagValues} (a tenant the
 * registry knows, {@code unknown} or {@code none}). For the tenant files: {@value #DROPPED} (events dropped
 * because the queue was full), {@value #REJECTED} (events whose tenant is not one the registry knows, written
 * to no tenant file) and the gauge {@value #OPEN} (tenant files open now).
 */
public final class TenantLogMetrics implements TenantLogEventListener, MeterBinder {

    /** The counter of WARN and ERROR events by tenant and level. */
    public static final String EVENTS = "tenantkit.logging.events";

    /** The counter of events dropped by the tenant files' full queue. */
    public static final String DROPPED = "tenantkit.logging.files.dropped";

    /** The counter of events with a tenant value no tenant file may have. */
    public static final String REJECTED = "tenantkit.logging.files.rejected";

    /** The gauge of open tenant files. */
    public static final String OPEN = "tenantkit.logging.files.open";

    private final TenantTagValues tags;
    private final TenantLogbackInstaller installer;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile @Nullable MeterRegistry meters;

    /**
     * Metrics with tenant tags from {@code tags}, and file metrics over {@code installer}'s appenders.
     *
     * @param tags the cardinality guard of the tenant tag
     * @param installer the installer whose file appenders are measured
     */
    public TenantLogMetrics(TenantTagValues tags, TenantLogbackInstaller installer) {
        this.tags = Objects.requireNonNull(tags, "tags");
        this.installer = Objects.requireNonNull(installer, "installer");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters = registry;
        FunctionCounter.builder(DROPPED, installer, sum(TenantFileAppender::droppedCount))
                .description("Log events not written to their tenant file because its queue was full")
                .register(registry);
        FunctionCounter.builder(REJECTED, installer, sum(TenantFileAppender::rejectedCount))
                .description("Log events whose tenant value is not a tenant the registry knows, written to no tenant file")
                .register(registry);
        Gauge.builder(OPEN, installer, sum(appender -> appender.openTenants().size()))
                .description("Tenant log files open now").register(registry);
    }

    @Override
    public void onEvent(@Nullable Tenant tenant, Level level) {
        MeterRegistry registry = meters;
        if (registry == null) {
            return;
        }
        String tenantTag = tags.of(tenant);
        String levelTag = level.levelInt >= Level.ERROR_INT ? "error" : "warn";
        String key = tenantTag + ' ' + levelTag;
        Counter counter = counters.get(key);
        if (counter == null) {
            // Not in computeIfAbsent: should registering log a warning, the event it counts comes back here.
            counter = Counter.builder(EVENTS).description("WARN and ERROR log events by tenant")
                    .tag(TenantTagValues.KEY, tenantTag).tag("level", levelTag).register(registry);
            counters.putIfAbsent(key, counter);
        }
        counter.increment();
    }

    private static ToDoubleFunction<TenantLogbackInstaller> sum(ToDoubleFunction<TenantFileAppender> metric) {
        return installer -> {
            List<TenantFileAppender> appenders = installer.appenders();
            double total = 0;
            for (TenantFileAppender appender : appenders) {
                total += metric.applyAsDouble(appender);
            }
            return total;
        };
    }
}
