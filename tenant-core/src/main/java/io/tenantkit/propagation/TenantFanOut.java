package io.tenantkit.propagation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tenantkit.context.TenantContext;
import io.tenantkit.propagation.TenantExecutors;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once per active tenant, each run inside that tenant's scope ({@code TenantContext.runAs}),
 * so that scheduled jobs, batch work and other background tasks never run without a tenant:
 *
 * <pre>{@code
 * FanOutResult result = fanOut.run("nightly-report", () -> reports.build(TenantContext.require()));
 * }</pre>
 *
 * <p>The tenants are the active ones of the registry's snapshot at the moment of the call. A run that
 * throws is logged at ERROR, with the tenant in the message and in the MDC, and the next tenant runs;
 * the {@link FanOutResult} tells who failed. The calling thread ends as it started: whatever tenant it
 * had (usually none) is restored after each run.
 *
 * <p>{@link #runParallel} submits the runs to an executor (wrapped by {@code TenantExecutors}, so
 * its threads keep no tenant afterwards) and, rather than only waiting, runs on the calling thread
 * every run no pool thread has started yet. So it never waits for work queued behind itself: called
 * from a thread of that same bounded pool (a task fanning out on the pool it runs on), or with the pool
 * saturated, it degrades to running the tenants on the calling thread instead of starving the pool.
 *
 * <p>Usable without Spring; the starter's {@code @PerTenant} runs an annotated method through one.
 */
public final class TenantFanOut {

    private static final Logger log = LoggerFactory.getLogger(TenantFanOut.class);

    private final TenantRegistry registry;
    private final @Nullable Executor executor;

    /**
     * A fan-out over {@code registry}'s active tenants.
     *
     * @param registry the tenants
     * @param executor where {@link #runParallel} runs the tenants; null if parallel runs are not offered
     */
    public TenantFanOut(TenantRegistry registry, @Nullable Executor executor) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.executor = executor == null ? null : TenantExecutors.wrap(executor);
    }

    /** Whether {@link #runParallel} has an executor to run on. */
    public boolean supportsParallel() {
        return executor != null;
    }

    /**
     * Runs {@code task} once per active tenant, one after another on the calling thread.
     *
     * @param job a name for the logs and the result, such as {@code "BillingJobs.closeDay"}
     * @param task the work; it finds its tenant with {@code TenantContext.require()}
     */
    public FanOutResult run(String job, Runnable task) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(task, "task");
        List<Tenant> tenants = registry.snapshot().active();
        List<TenantId> succeeded = new ArrayList<>(tenants.size());
        Map<TenantId, Throwable> failures = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            Throwable failure = runOne(job, tenant, task);
            if (failure == null) {
                succeeded.add(tenant.id());
            } else {
                failures.put(tenant.id(), failure);
            }
        }
        return new FanOutResult(job, succeeded, failures);
    }

    /**
     * Runs {@code task} once per active tenant, in parallel on the executor, and returns when all runs
     * have finished. Runs that no pool thread has started when the calling thread is done submitting,
     * and runs the executor rejects, run on the calling thread.
     *
     * @throws IllegalStateException if this fan-out was built without an executor
     */
    public FanOutResult runParallel(String job, Runnable task) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(task, "task");
        Executor pool = executor;
        if (pool == null) {
            throw new IllegalStateException("Job '" + job + "' asks for a parallel per-tenant run, but this "
                    + "TenantFanOut has no executor. Build it with one (new TenantFanOut(registry, executor)), "
                    + "or run the tenants one after another (run instead of runParallel).");
        }
        List<Tenant> tenants = registry.snapshot().active();
        List<Run> runs = new ArrayList<>(tenants.size());
        for (Tenant tenant : tenants) {
            Run run = new Run(job, tenant, task);
            runs.add(run);
            try {
                pool.execute(run);
            } catch (RejectedExecutionException rejected) {
                // Left for the calling thread, below.
            }
        }
        // Help rather than wait: whatever no pool thread has claimed yet runs here, so the only runs
        // waited for are already running on other threads.
        for (int i = runs.size() - 1; i >= 0; i--) {
            runs.get(i).run();
        }
        List<TenantId> succeeded = new ArrayList<>(tenants.size());
        Map<TenantId, Throwable> failures = new LinkedHashMap<>();
        for (Run run : runs) {
            Throwable failure = run.outcome.join();
            if (failure == null) {
                succeeded.add(run.tenant.id());
            } else {
                failures.put(run.tenant.id(), failure);
            }
        }
        return new FanOutResult(job, succeeded, failures);
    }

    /** One tenant's run, executed once by whichever thread claims it first: a pool thread or the caller. */
    private static final class Run implements Runnable {

        private final String job;
        private final Tenant tenant;
        private final Runnable task;
        private final AtomicBoolean claimed = new AtomicBoolean();
        /** What the run threw, or null; completed exceptionally only by a fatal error. */
        private final CompletableFuture<@Nullable Throwable> outcome = new CompletableFuture<>();

        Run(String job, Tenant tenant, Runnable task) {
            this.job = job;
            this.tenant = tenant;
            this.task = task;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                outcome.complete(runOne(job, tenant, task));
            } catch (Throwable fatal) {
                outcome.completeExceptionally(fatal);
                throw fatal;
            }
        }
    }

    /** Runs one tenant; returns what it threw, or null. Logs the failure inside the tenant's scope. */
    private static @Nullable Throwable runOne(String job, Tenant tenant, Runnable task) {
        return TenantContext.supplyAs(tenant, () -> {
            try {
                task.run();
                return null;
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error e) {
                logFailure(job, tenant, e);
                return e;
            }
        });
    }

    private static void logFailure(String job, Tenant tenant, Throwable failure) {
        log.error("Job '{}' failed for tenant '{}'; the other tenants run on", job, tenant.id(), failure);
    }
}
