package io.tenantkit.logging;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

/**
 * Writes every event logged in a tenant scope also to {@code <dir>/<tenant>.log}, rolled by size and day
 * with a total size cap per tenant (archives in {@code <dir>/archive/<tenant>/}). Events logged outside
 * any tenant are ignored here (they still reach the application's other appenders).
 *
 * <p>Only tenants the bound {@link TenantRegistry} knows get a file (suspended and inactive ones too): the
 * MDC value {@code tenant} of an event must be a valid {@link TenantId} of the current snapshot, so a
 * forged or hostile value never creates a file, and never a path outside {@code dir}. With no registry
 * bound, no file is written. Tenants removed from the registry have their file closed.
 *
 * <p>The calling thread only checks the tenant and offers the event to a bounded queue; it never blocks.
 * When the queue is full the event is dropped and counted ({@link #droppedCount()}). One worker thread
 * writes the files and keeps at most {@code maxOpenFiles} of them open: the least recently used one is
 * closed when another is needed, and files idle for {@code idleTimeout} are closed.
 *
 * <p>Configured by Logback's configurators through its setters (see {@code io/tenantkit/logging/tenant-files.xml}
 * in the Spring Boot starter) or in code; settings apply when it starts.
 */
public final class TenantFileAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    /** The appender name the starter and the Logback include use. */
    public static final String DEFAULT_NAME = "TENANT_FILES";

    /** The folder of tenant files when none is set, relative to the working directory. */
    public static final String DEFAULT_DIR = "logs/tenants";

    /** The line pattern when none is set. */
    public static final String DEFAULT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p [%t] %-40.40logger{39} : %m%n";

    private static final long SWEEP_MILLIS = 1000;

    private final LongAdder dropped = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final Queue<TenantId> toClose = new ConcurrentLinkedQueue<>();
    private final TenantRegistryListener registryListener = this::tenantsChanged;

    private String dir = DEFAULT_DIR;
    private String pattern = DEFAULT_PATTERN;
    private int maxOpenFiles = 100;
    private Duration idleTimeout = Duration.buildByMinutes(10);
    private int queueSize = 8192;
    private FileSize maxFileSize = FileSize.valueOf("10MB");
    private int maxHistory = 7;
    private FileSize totalSizeCap = FileSize.valueOf("100MB");
    private Clock clock = Clock.systemUTC();

    private volatile @Nullable TenantRegistry registry;
    private @Nullable BlockingQueue<ILoggingEvent> queue;
    private @Nullable TenantFiles files;
    private @Nullable Thread worker;
    private volatile boolean running;

    /** An appender named {@value #DEFAULT_NAME} with the default settings. */
    public TenantFileAppender() {
        setName(DEFAULT_NAME);
    }

    /**
     * Writes files only for tenants {@code registry} knows, and closes the file of a tenant removed from it.
     * May be called before or after {@link #start()}.
     */
    public void bindTo(TenantRegistry registry) {
        TenantRegistry previous = this.registry;
        if (previous != null) {
            previous.removeListener(registryListener);
        }
        registry.addListener(registryListener);
        this.registry = registry;
    }

    /** The registry bound, or null if none is. */
    public @Nullable TenantRegistry registry() {
        return registry;
    }

    /** The folder of the tenant files; default {@value #DEFAULT_DIR}. */
    public void setDir(String dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The folder of the tenant files. */
    public String getDir() {
        return dir;
    }

    /** The Logback pattern of a line; default {@value #DEFAULT_PATTERN}. */
    public void setPattern(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /** The most tenant files open at once; default 100. */
    public void setMaxOpenFiles(int maxOpenFiles) {
        this.maxOpenFiles = maxOpenFiles;
    }

    /** How long a tenant file stays open without an event; default 10 minutes. */
    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /** How many events may wait for the worker before new ones are dropped; default 8192. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** The size at which a tenant file is rolled; default 10MB. */
    public void setMaxFileSize(FileSize maxFileSize) {
        this.maxFileSize = Objects.requireNonNull(maxFileSize, "maxFileSize");
    }

    /** How many days of rolled files are kept per tenant; default 7. */
    public void setMaxHistory(int maxHistory) {
        this.maxHistory = maxHistory;
    }

    /** The most space the rolled files of one tenant take; default 100MB. */
    public void setTotalSizeCap(FileSize totalSizeCap) {
        this.totalSizeCap = Objects.requireNonNull(totalSizeCap, "totalSizeCap");
    }

    /** The clock of the idle timeout; for tests. */
    void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Events dropped because the queue was full. */
    public long droppedCount() {
        return dropped.sum();
    }

    /** Events whose {@code tenant} MDC value was not a tenant the registry knows, so written to no file. */
    public long rejectedCount() {
        return rejected.sum();
    }

    /** The tenants whose file is open now. */
    public Set<String> openTenants() {
        TenantFiles current = files;
        return current == null ? Set.of() : current.openTenants();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (maxOpenFiles < 1 || queueSize < 1) {
            addError("maxOpenFiles (" + maxOpenFiles + ") and queueSize (" + queueSize + ") of appender [" + getName()
                    + "] must be at least 1; it does not start.");
            return;
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(pattern);
        layout.start();
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        files = new TenantFiles(getContext(), layout, folder, maxOpenFiles, maxFileSize, maxHistory, totalSizeCap);
        queue = new ArrayBlockingQueue<>(queueSize);
        running = true;
        Thread thread = new Thread(this::work, "tenantkit-log-files-" + getName());
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        TenantRegistry bound = registry;
        if (bound != null) {
            bound.removeListener(registryListener);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        String id = mdc == null ? null : mdc.get(TenantContext.MDC_KEY);
        if (id == null) {
            return;
        }
        if (!isKnown(id)) {
            rejected.increment();
            return;
        }
        event.prepareForDeferredProcessing();
        BlockingQueue<ILoggingEvent> events = queue;
        if (events == null || !events.offer(event)) {
            dropped.increment();
        }
    }

    private boolean isKnown(String id) {
        TenantRegistry bound = registry;
        if (bound == null) {
            return false;
        }
        TenantSnapshot snapshot = bound.snapshot();
        Tenant current = TenantContext.currentOrNull();
        if (current != null && current.id().value().equals(id)) {
            return snapshot.indexOf(current) >= 0;
        }
        return TenantId.isValid(id) && snapshot.indexOf(TenantId.of(id)) >= 0;
    }

    private void tenantsChanged(TenantSnapshot previous, TenantSnapshot current) {
        for (Tenant tenant : previous.all()) {
            if (current.indexOf(tenant.id()) < 0) {
                toClose.add(tenant.id());
            }
        }
    }

    private void work() {
        BlockingQueue<ILoggingEvent> events = Objects.requireNonNull(queue);
        TenantFiles open = Objects.requireNonNull(files);
        long lastSweep = clock.millis();
        try {
            while (running) {
                ILoggingEvent event = events.poll(SWEEP_MILLIS, TimeUnit.MILLISECONDS);
                long now = clock.millis();
                if (event != null) {
                    write(open, event, now);
                }
                for (TenantId removed; (removed = toClose.poll()) != null; ) {
                    open.close(removed.value());
                }
                if (event == null || now - lastSweep >= SWEEP_MILLIS) {
                    open.closeIdleSince(now - idleTimeout.getMilliseconds());
                    lastSweep = now;
                }
            }
        } catch (InterruptedException e) {
            // stop() asks the worker to finish: write what is queued, then close every file.
        }
        for (ILoggingEvent event; (event = events.poll()) != null; ) {
            write(open, event, clock.millis());
        }
        open.closeAll();
    }

    private void write(TenantFiles open, ILoggingEvent event, long now) {
        String id = event.getMDCPropertyMap().get(TenantContext.MDC_KEY);
        TenantRegistry bound = registry;
        // Checked again: the tenant may have been removed while the event waited.
        if (id != null && bound != null && TenantId.isValid(id) && bound.snapshot().indexOf(TenantId.of(id)) >= 0) {
            try {
                open.append(id, event, now);
            } catch (RuntimeException e) {
                addError("Could not write the log file of tenant '" + id + "' in " + dir, e);
            }
        }
    }
}
