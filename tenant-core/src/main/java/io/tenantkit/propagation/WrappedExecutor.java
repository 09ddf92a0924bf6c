package io.tenantkit.propagation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An executor returned by {@link TenantExecutors#wrap}: wraps every task it is given (once: a task
 * wrapped already keeps its own tenant) and hands it to the executor underneath.
 */
class WrappedExecutor implements Executor {

    private final Executor executor;

    WrappedExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(TenantExecutors.wrap(command));
    }

    static <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
        List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            wrapped.add(TenantExecutors.wrap(task));
        }
        return wrapped;
    }

    @Override
    public String toString() {
        return "TenantExecutors.wrap(" + executor + ")";
    }

    /** The {@link ExecutorService} wrapper. */
    static class Service extends WrappedExecutor implements ExecutorService {

        private final ExecutorService service;

        Service(ExecutorService service) {
            super(service);
            this.service = service;
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return service.submit(TenantExecutors.wrap(task));
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return service.submit(TenantExecutors.wrap(task), result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return service.submit(TenantExecutors.wrap(task));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return service.invokeAll(wrapAll(tasks));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return service.invokeAll(wrapAll(tasks), timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
            return service.invokeAny(wrapAll(tasks));
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return service.invokeAny(wrapAll(tasks), timeout, unit);
        }

        @Override
        public void shutdown() {
            service.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return service.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return service.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return service.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return service.awaitTermination(timeout, unit);
        }
    }

    /** The {@link ScheduledExecutorService} wrapper: a periodic task runs as its tenant at every run. */
    static final class Scheduled extends Service implements ScheduledExecutorService {

        private final ScheduledExecutorService scheduler;

        Scheduled(ScheduledExecutorService scheduler) {
            super(scheduler);
            this.scheduler = scheduler;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return scheduler.schedule(TenantExecutors.wrap(command), delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return scheduler.schedule(TenantExecutors.wrap(callable), delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return scheduler.scheduleAtFixedRate(TenantExecutors.wrap(command), initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return scheduler.scheduleWithFixedDelay(TenantExecutors.wrap(command), initialDelay, delay, unit);
        }
    }
}
