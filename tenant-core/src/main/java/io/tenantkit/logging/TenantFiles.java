package io.tenantkit.logging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;

/**
 * The open tenant files of a {@link TenantFileAppender}: at most {@code maxOpen}, least recently used closed
 * first. Confined to the appender's worker thread, except {@link #openTenants()}, which reads a published copy.
 */
final class TenantFiles {

    private final Context context;
    private final PatternLayout layout;
    private final Path folder;
    private final int maxOpen;
    private final FileSize maxFileSize;
    private final int maxHistory;
    private final FileSize totalSizeCap;
    private final LinkedHashMap<String, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
    private volatile Set<String> published = Set.of();

    TenantFiles(Context context, PatternLayout layout, Path folder, int maxOpen, FileSize maxFileSize, int maxHistory,
            FileSize totalSizeCap) {
        this.context = context;
        this.layout = layout;
        this.folder = folder;
        this.maxOpen = maxOpen;
        this.maxFileSize = maxFileSize;
        this.maxHistory = maxHistory;
        this.totalSizeCap = totalSizeCap;
    }

    /** Writes {@code event} to the file of tenant {@code id} (a valid, known tenant id), opening it if needed. */
    void append(String id, ILoggingEvent event, long now) {
        OpenFile file = open.get(id);
        if (file == null) {
            if (open.size() >= maxOpen) {
                Iterator<OpenFile> eldest = open.values().iterator();
                eldest.next().appender.stop();
                eldest.remove();
            }
            file = new OpenFile(newAppender(id));
            open.put(id, file);
            publish();
        }
        file.lastUsed = now;
        file.appender.doAppend(event);
    }

    void close(String id) {
        OpenFile file = open.remove(id);
        if (file != null) {
            file.appender.stop();
            publish();
        }
    }

    void closeIdleSince(long cutoff) {
        // Access order: the least recently used come first.
        boolean changed = false;
        for (Iterator<OpenFile> it = open.values().iterator(); it.hasNext(); ) {
            OpenFile file = it.next();
            if (file.lastUsed > cutoff) {
                break;
            }
            file.appender.stop();
            it.remove();
            changed = true;
        }
        if (changed) {
            publish();
        }
    }

    void closeAll() {
        open.values().forEach(file -> file.appender.stop());
        open.clear();
        publish();
    }

    Set<String> openTenants() {
        return published;
    }

    private void publish() {
        published = Set.copyOf(open.keySet());
    }

    private RollingFileAppender<ILoggingEvent> newAppender(String id) {
        Path file = folder.resolve(id + ".log").normalize();
        if (!folder.equals(file.getParent())) {
            throw new IllegalStateException("Tenant file " + file + " would be outside " + folder);
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("tenant-file-" + id);
        appender.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setFileNamePattern(folder.resolve("archive").resolve(id).resolve(id + ".%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(maxFileSize);
        rolling.setMaxHistory(maxHistory);
        rolling.setTotalSizeCap(totalSizeCap);
        appender.setRollingPolicy(rolling);
        rolling.setParent(appender);
        rolling.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static final class OpenFile {

        final RollingFileAppender<ILoggingEvent> appender;
        long lastUsed;

        OpenFile(RollingFileAppender<ILoggingEvent> appender) {
            this.appender = appender;
        }
    }
}
