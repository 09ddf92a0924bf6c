package io.tenantkit.spring.logging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.tenantkit.logging.TenantFileAppender;
import io.tenantkit.logging.TenantLevelFilter;
import io.tenantkit.logging.TenantLogEventListener;
import io.tenantkit.logging.TenantLogEvents;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;

/**
 * Puts the tenant log streams into the application's Logback context ({@link #install()}), and takes
 * out what it added when the context closes: the {@link TenantLevelFilter}, bound to the registry; every
 * {@link TenantFileAppender} the Logback configuration declares (such as the one of
 * {@code io/tenantkit/logging/tenant-files.xml}) and no other registry is bound to, bound to this one; and, if the configuration declares
 * none and files are switched on, one more on the root logger, writing lines like Boot's log file
 * ({@code FILE_LOG_PATTERN}). Does nothing when SLF4J is not bound to Logback.
 */
public final class TenantLogbackInstaller implements DisposableBean {

    private final TenantLevelFilter filter;
    private final TenantRegistry registry;
    private final @Nullable Supplier<TenantFileAppender> files;
    private final List<TenantFileAppender> appenders = new ArrayList<>();
    private @Nullable TenantFileAppender added;
    private @Nullable TenantLogEvents events;

    /**
     * An installer.
     *
     * @param filter the per-tenant level filter
     * @param registry the tenants that may have levels and files
     * @param files makes the file appender to add when the configuration declares none, or null for none
     */
    public TenantLogbackInstaller(TenantLevelFilter filter, TenantRegistry registry,
            @Nullable Supplier<TenantFileAppender> files) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.files = files;
    }

    /** Installs the filter and the file appenders; call once. */
    public void install() {
        LoggerContext context = loggerContext();
        if (context == null) {
            return;
        }
        filter.bindTo(registry);
        filter.installIn(context);
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                // Not one another application in this JVM added or bound (tests start several).
                if (it.next() instanceof TenantFileAppender declared && !appenders.contains(declared)
                        && (declared.registry() == null || declared.registry() == registry)) {
                    declared.bindTo(registry);
                    appenders.add(declared);
                }
            }
        }
        if (appenders.isEmpty() && files != null) {
            TenantFileAppender appender = files.get();
            appender.setContext(context);
            String bootPattern = context.getProperty("FILE_LOG_PATTERN");
            if (bootPattern != null) {
                appender.setPattern(bootPattern);
            }
            appender.bindTo(registry);
            appender.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
            appenders.add(appender);
            added = appender;
        }
    }

    /**
     * Hands every WARN and ERROR event logged from now on, with its tenant, to {@code listener} (through a
     * {@link TenantLogEvents} appender on the root logger, taken out when the context closes); call once.
     */
    public void countEvents(TenantLogEventListener listener) {
        LoggerContext context = loggerContext();
        if (context == null || events != null) {
            return;
        }
        TenantLogEvents appender = new TenantLogEvents(listener);
        appender.installIn(context);
        events = appender;
    }

    @Override
    public void destroy() {
        LoggerContext context = loggerContext();
        if (context == null) {
            return;
        }
        filter.removeFrom(context);
        TenantLogEvents counted = events;
        if (counted != null) {
            counted.removeFrom(context);
        }
        TenantFileAppender appender = added;
        if (appender != null) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }

    /** The tenant file appenders in use: those the configuration declares, or the one added. */
    public List<TenantFileAppender> appenders() {
        return List.copyOf(appenders);
    }

    private static @Nullable LoggerContext loggerContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return factory instanceof LoggerContext context ? context : null;
    }
}
