package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigDirectory;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.config.TenantFile;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the operator directory and reloads what changed: file-system events where the platform delivers
 * them, and a scan every {@code interval} in any case (network file systems, containers, missed events). Each
 * changed file is read, its tenants re-bound and re-validated, and installed as one new generation; a file that
 * is invalid is logged once at WARN (tenant, file, property, reason) and the last good configuration stays.
 * A {@code tenant: status:} in an operator file changes the tenant's status through the registry.
 */
public final class TenantConfigReloader implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TenantConfigReloader.class);
    /** How far back from the last scan a file's time stamp counts as young: covers 2-second time stamps (FAT, some NFS). */
    static final long STAMP_SLACK_MILLIS = 2_000;

    private final TenantConfigDirectory directory;
    private final TenantConfigStore store;
    private final TenantRegistry registry;
    private final Duration interval;
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** The last problem logged for each tenant, so that an invalid file is logged once, not on every scan. */
    private final Map<TenantId, String> warned = new ConcurrentHashMap<>();
    private final Map<TenantId, Print> fingerprints = new HashMap<>();
    /** When the last scan started (epoch millis): files modified since (less the time stamp slack) are hashed. */
    private long lastScan;
    private volatile @Nullable Thread thread;
    private volatile @Nullable WatchService watcher;

    /**
     * A reloader of {@code directory} into {@code store}.
     *
     * @param interval the time between two scans
     */
    public TenantConfigReloader(TenantConfigDirectory directory, TenantConfigStore store, TenantRegistry registry, Duration interval) {
        this.directory = directory;
        this.store = store;
        this.registry = registry;
        this.interval = interval;
        synchronized (this) {
            lastScan = System.currentTimeMillis();
            fingerprints.putAll(scan(lastScan));
        }
    }

    /** Reloads successfully installed so far. */
    public long successes() {
        return successes.get();
    }

    /** Reloads rejected so far (unreadable or invalid files). */
    public long failures() {
        return failures.get();
    }

    /** Scans the directory now and reloads the files that changed, appeared or disappeared; returns the tenants whose values changed. */
    public synchronized Set<TenantId> reload() {
        long started = System.currentTimeMillis();
        Map<TenantId, Print> now = scan(lastScan);
        lastScan = started;
        Set<TenantId> touched = new LinkedHashSet<>();
        now.forEach((id, print) -> {
            if (!print.equals(fingerprints.get(id))) {
                touched.add(id);
            }
        });
        fingerprints.keySet().stream().filter(id -> !now.containsKey(id)).forEach(touched::add);
        fingerprints.clear();
        fingerprints.putAll(now);
        Set<TenantId> changed = new LinkedHashSet<>();
        for (TenantId id : touched) {
            changed.addAll(reload(id));
        }
        return changed;
    }

    private Set<TenantId> reload(TenantId id) {
        Map<TenantId, @Nullable TenantFile> change = new HashMap<>();
        try {
            TenantFile file = directory.read(id);
            change.put(id, file);
            Set<TenantId> changed = store.update(g -> g.next(registry.snapshot(), change));
            if (file != null) {
                applyStatus(registry, file);
            }
            successes.incrementAndGet();
            if (warned.remove(id) != null) {
                LOG.info("Tenant configuration of '{}' is valid again and installed.", id);
            }
            return changed;
        } catch (TenantConfigException e) {
            failures.incrementAndGet();
            String problem = e.getMessage();
            if (!problem.equals(warned.put(id, problem))) {
                LOG.warn("Rejected a change of tenant '{}' in {}; the last good configuration stays. {}", id, directory.directory(), problem);
            }
            return Set.of();
        }
    }

    /**
     * Applies the {@code status} of an operator file's {@code tenant:} block to the registry (the other
     * declaration fields are only read from modules and the application).
     *
     * @throws TenantConfigException if the status is not one of active, suspended, inactive
     */
    public static void applyStatus(TenantRegistry registry, TenantFile file) {
        ConfigValue status = file.declaration().get("status");
        if (status == null) {
            return;
        }
        TenantStatus next;
        try {
            next = TenantStatus.valueOf(status.value().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TenantConfigException(new TenantConfigException.Problem(file.tenant().value(), "tenant.status", status.origin(),
                    "'" + status.value().replaceAll("\\P{Print}", "?") + "' is not a tenant status; use active, suspended or inactive"));
        }
        registry.update(s -> {
            Tenant tenant = s.findOrNull(file.tenant());
            return tenant == null || tenant.status() == next ? s : s.with(tenant.toBuilder().status(next).build());
        });
    }

    @Override
    public void start() {
        try {
            Files.createDirectories(directory.directory());
            WatchService service = directory.directory().getFileSystem().newWatchService();
            directory.directory().register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watcher = service;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("No file-system events for {} ({}); scanning it every {}.", directory.directory(), e.toString(), interval);
        }
        Thread t = new Thread(this::run, "tenantkit-config-reload");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        WatchService service = watcher;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service of {} failed", directory.directory(), e);
            }
        }
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                WatchService service = watcher;
                if (service == null) {
                    Thread.sleep(interval.toMillis());
                } else {
                    WatchKey key = service.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                    if (key != null) {
                        for (WatchEvent<?> ignored : key.pollEvents()) {
                            // The scan below finds what changed; the event only wakes it up early.
                        }
                        key.reset();
                    }
                }
                reload();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Reloading tenant configuration from {} failed; will retry in {}", directory.directory(), interval, e);
            }
        }
    }

    /**
     * The fingerprint of each tenant file: modification time, size and kind, and a hash of the content when the
     * file was modified since {@code since} less {@link #STAMP_SLACK_MILLIS}. A file rewritten with the same
     * size within the file system's time-stamp granularity (one or two seconds on some) keeps its time and size;
     * only its content tells, and such a file is young by definition. Older files keep the hash they had.
     */
    private Map<TenantId, Print> scan(long since) {
        Map<TenantId, Print> prints = new HashMap<>();
        Path dir = directory.directory();
        if (!Files.isDirectory(dir)) {
            return prints;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                if (!name.endsWith(TenantConfigDirectory.SUFFIX) || !TenantId.isValid(
                        name.substring(0, name.length() - TenantConfigDirectory.SUFFIX.length()))) {
                    return;
                }
                TenantId id = TenantId.of(name.substring(0, name.length() - TenantConfigDirectory.SUFFIX.length()));
                prints.put(id, print(entry, fingerprints.get(id), since));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        return prints;
    }

    private static Print print(Path file, @Nullable Print before, long since) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            long modified = a.lastModifiedTime().toMillis();
            String hash = null;
            if (a.isRegularFile() && modified >= since - STAMP_SLACK_MILLIS) {
                hash = hash(file);
            } else if (before != null && before.modified() == modified && before.size() == a.size()) {
                hash = before.hash();
            }
            return new Print(modified, a.size(), a.isRegularFile(), hash);
        } catch (IOException e) {
            return new Print(-1, -1, false, "unreadable");
        }
    }

    private static String hash(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * What a scan knows of a file.
     *
     * @param hash of the content, null when the file was not young at any scan (then time and size tell)
     */
    record Print(long modified, long size, boolean regular, @Nullable String hash) {
    }
}
