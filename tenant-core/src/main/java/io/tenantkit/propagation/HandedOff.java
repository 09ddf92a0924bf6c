package io.tenantkit.propagation;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.tenantkit.context.TenantHandOff;

/**
 * TenantKit's task wrappers: each holds the {@link TenantHandOff} captured when it was created and
 * enters it around every run, so a periodic task or a callback run twice runs as its tenant each time.
 * They are deliberately not TTL's {@code TtlEnhanced}: TTL casts every {@code TtlEnhanced} task to its
 * own types, so under the TTL agent they are wrapped once more by TTL (which carries the tenant too).
 */
abstract class HandedOff {

    final TenantHandOff handOff;

    private HandedOff(TenantHandOff handOff) {
        this.handOff = handOff;
    }

    /** A {@link Runnable} run with the tenant it was created under. */
    static final class OfRunnable extends HandedOff implements Runnable {

        private final Runnable task;

        OfRunnable(Runnable task, TenantHandOff handOff) {
            super(handOff);
            this.task = task;
        }

        @Override
        public void run() {
            try (TenantHandOff.Scope ignored = handOff.enter()) {
                task.run();
            }
        }

        @Override
        public String toString() {
            return handOff + " " + task;
        }
    }

    /** A {@link Callable} called with the tenant it was created under. */
    static final class OfCallable<V> extends HandedOff implements Callable<V> {

        private final Callable<V> task;

        OfCallable(Callable<V> task, TenantHandOff handOff) {
            super(handOff);
            this.task = task;
        }

        @Override
        public V call() throws Exception {
            try (TenantHandOff.Scope ignored = handOff.enter()) {
                return task.call();
            }
        }

        @Override
        public String toString() {
            return handOff + " " + task;
        }
    }

    /** A {@link Supplier} asked with the tenant it was created under. */
    static final class OfSupplier<V> extends HandedOff implements Supplier<V> {

        private final Supplier<V> supplier;

        OfSupplier(Supplier<V> supplier, TenantHandOff handOff) {
            super(handOff);
            this.supplier = supplier;
        }

        @Override
        public V get() {
            try (TenantHandOff.Scope ignored = handOff.enter()) {
                return supplier.get();
            }
        }
    }

    /** A {@link Function} applied with the tenant it was created under. */
    static final class OfFunction<T, R> extends HandedOff implements Function<T, R> {

        private final Function<T, R> function;

        OfFunction(Function<T, R> function, TenantHandOff handOff) {
            super(handOff);
            this.function = function;
        }

        @Override
        public R apply(T t) {
            try (TenantHandOff.Scope ignored = handOff.enter()) {
                return function.apply(t);
            }
        }
    }

    /** A {@link BiFunction} applied with the tenant it was created under. */
    static final class OfBiFunction<T, U, R> extends HandedOff implements BiFunction<T, U, R> {

        private final BiFunction<T, U, R> function;

        OfBiFunction(BiFunction<T, U, R> function, TenantHandOff handOff) {
            super(handOff);
            this.function = function;
        }

        @Override
        public R apply(T t, U u) {
            try (TenantHandOff.Scope ignored = handOff.enter()) {
                return function.apply(t, u);
            }
        }
    }

    /** A {@link Consumer} called with the tenant it was created under. */
    static final class OfConsumer<T> extends HandedOff implements Consumer<T> {

        private final Consumer<T> consumer;

        OfConsumer(Consumer<T> consumer, TenantHandOff handOff) {
            super(handOff);
            this.consumer = consumer;
        }

        @Override
        public void accept(T t) {
            try (TenantHandOff.Scope ignored = handOff.enter()) {
                consumer.accept(t);
            }
        }
    }

    /** A {@link BiConsumer} called with the tenant it was created under. */
    static final class OfBiConsumer<T, U> extends HandedOff implements BiConsumer<T, U> {

        private final BiConsumer<T, U> consumer;

        OfBiConsumer(BiConsumer<T, U> consumer, TenantHandOff handOff) {
            super(handOff);
            this.consumer = consumer;
        }

        @Override
        public void accept(T t, U u) {
            try (TenantHandOff.Scope ignored = handOff.enter()) {
                consumer.accept(t, u);
            }
        }
    }
}
