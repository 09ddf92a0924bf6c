package io.tenantkit.logging;

import java.util.Objects;

import io.tenantkit.context.TenantContext;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/**
 * The source of a per-tenant error rate: an appender on the root logger that hands every WARN and ERROR event
 * Logback writes, with the tenant current on the logging thread (from {@link TenantContext}, never from the
 * MDC, so a forged MDC value names no tenant), to a {@link TenantLogEventListener}.
 *
 * <p>Being an appender, it sees exactly the events that are logged, after the loggers' levels and any
 * per-tenant override of {@link TenantLevelFilter}, and it costs nothing on a call that logs nothing: a
 * disabled DEBUG call never reaches it. Events of loggers whose additivity is off do not reach the root
 * logger and are not counted.
 */
public final class TenantLogEvents extends UnsynchronizedAppenderBase<ILoggingEvent> {

    private final TenantLogEventListener listener;

    /** Events for {@code listener}, called on the logging thread. */
    public TenantLogEvents(TenantLogEventListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        setName("tenantkit-log-events");
    }

    /** Starts this appender and attaches it to {@code context}'s root logger. */
    public void installIn(LoggerContext context) {
        setContext(context);
        start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this);
    }

    /** Detaches this appender from {@code context}'s root logger and stops it. */
    public void removeFrom(LoggerContext context) {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level.levelInt >= Level.WARN_INT) {
            listener.onEvent(TenantContext.currentOrNull(), level);
        }
    }
}
