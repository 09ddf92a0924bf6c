package io.tenantkit.spring.cloudconfig;

import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.config.TenantFile;
import io.tenantkit.spring.config.TenantConfigReloader;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fetches the tenant documents from the config server again, every {@code interval} and whenever
 * {@link #refresh()} is called, and installs what changed, tenant by tenant, exactly as the operator directory's
 * reloader does: the changed document is re-bound and re-validated and swapped in atomically as one new generation
 * (announced as a {@code TenantConfigurationChangedEvent}); a document that is invalid or cannot be read is logged
 * once at WARN (tenant, property source, property, reason) and the tenant's last good configuration stays. A
 * {@code tenant.status} in a document changes the tenant's status through the registry. A config server that cannot
 * be reached changes nothing.
 */
public final class ConfigServerTenantRefresher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigServerTenantRefresher.class);

    private final ConfigServerTenantSource source;
    private final TenantConfigStore store;
    private final TenantRegistry registry;
    private final Duration interval;
    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** The document last fetched for each tenant (empty: it had none), installed or rejected. */
    private final Map<TenantId, Optional<TenantFile>> seen = new HashMap<>();
    /** The tenants whose document could not be read last time: the next one read is installed even if unchanged. */
    private final Set<TenantId> unread = new HashSet<>();
    /** The last problem logged for each tenant, so that a rejected document is logged once, not on every poll. */
    private final Map<TenantId, String> rejected = new ConcurrentHashMap<>();
    private volatile @Nullable String unreachable;
    private volatile @Nullable ScheduledExecutorService poller;

    /**
     * A refresher of {@code source}'s documents into {@code store}; it starts from what {@code source} last read for
     * the store.
     *
     * @param interval the time between two polls; zero or negative: no polling, {@link #refresh()} only
     */
    public ConfigServerTenantRefresher(ConfigServerTenantSource source, TenantConfigStore store, TenantRegistry registry,
            Duration interval) {
        this.source = Objects.requireNonNull(source, "source");
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.interval = Objects.requireNonNull(interval, "interval");
        synchronized (this) {
            source.lastReadAll().forEach((id, file) -> seen.put(id, Optional.of(file)));
        }
    }

    /** Documents installed so far (counted as {@code tenantkit.config.reloads{result=success}}). */
    public long successes() {
        return successes.get();
    }

    /**
     * Documents rejected so far, invalid or unreadable, and polls that could not reach the server (counted as
     * {@code tenantkit.config.reloads{result=failure}}).
     */
    public long failures() {
        return failures.get();
    }

    /** The tenants whose latest document was rejected (the reasons are in the log). */
    public Set<TenantId> rejected() {
        return Set.copyOf(rejected.keySet());
    }

    /**
     * Fetches every tenant's document now and installs those that changed; returns the tenants whose values changed
     * (empty also when the server cannot be reached: see the log and {@link #failures()}).
     */
    public synchronized Set<TenantId> refresh() {
        Set<String> shared;
        try {
            shared = source.sharedSources();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            String problem = e.getMessage();
            if (!Objects.equals(problem, unreachable)) {
                unreachable = problem;
                LOG.warn("Tenant configuration not refreshed; every tenant keeps its last good configuration. {}", problem);
            }
            return Set.of();
        }
        if (unreachable != null) {
            unreachable = null;
            LOG.info("The config server of the tenant documents answers again: {}", source);
        }
        Set<TenantId> changed = new LinkedHashSet<>();
        for (TenantId id : source.tenants()) {
            changed.addAll(refresh(id, shared));
        }
        return changed;
    }

    private Set<TenantId> refresh(TenantId id, Set<String> shared) {
        Optional<TenantFile> document;
        try {
            document = Optional.ofNullable(source.read(id, shared));
        } catch (TenantConfigException e) {
            unread.add(id);
            reject(id, e);
            return Set.of();
        }
        if (!unread.remove(id) && document.equals(seen.getOrDefault(id, Optional.empty()))) {
            return Set.of();
        }
        seen.put(id, document);
        try {
            Map<TenantId, @Nullable TenantFile> change = new HashMap<>();
            change.put(id, document.orElse(null));
            Set<TenantId> changed = store.update(g -> g.next(registry.snapshot(), change));
            if (document.isPresent()) {
                TenantConfigReloader.applyStatus(registry, document.get());
            }
            successes.incrementAndGet();
            if (rejected.remove(id) != null) {
                LOG.info("Tenant configuration of '{}' is valid again and installed from {}.", id, source.document(id.value()));
            }
            return changed;
        } catch (TenantConfigException e) {
            reject(id, e);
            return Set.of();
        }
    }

    private void reject(TenantId id, TenantConfigException e) {
        failures.incrementAndGet();
        String problem = e.getMessage();
        if (!problem.equals(rejected.put(id, problem))) {
            LOG.warn("Rejected a change of tenant '{}' from {}; the last good configuration stays. {}", id,
                    source.document(id.value()), problem);
        }
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tenantkit-config-server-refresh");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** One scheduled refresh; an exception would cancel the schedule, so it is logged instead. */
    private void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing tenant configuration from {} failed; will retry in {}", source, interval, e);
        }
    }
}
