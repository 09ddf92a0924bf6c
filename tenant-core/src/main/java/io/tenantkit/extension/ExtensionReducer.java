package io.tenantkit.extension;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Combines the implementations that apply to a tenant, in chain order (the tenant's own first, then
 * its parents', then the global defaults; higher priority first within a level), into one result.
 * Used with {@link ExtensionHandle#reduce(ExtensionReducer)}; the factories here short-circuit.
 *
 * <pre>{@code
 * boolean blocked = kyc.reduce(ExtensionReducer.anyMatch(p -> p.blocks(merchant)));
 * }</pre>
 *
 * @param <T> the extension point
 * @param <R> the result
 */
@FunctionalInterface
public interface ExtensionReducer<T, R> {

    /**
     * Reduces {@code implementations} (immutable, chain order; empty only for an optional point
     * without implementation) to a result.
     */
    R reduce(List<T> implementations);

    /**
     * The first implementation in chain order, the one {@link ExtensionHandle#current()} returns.
     *
     * @throws ExtensionResolutionException from {@code reduce} when there is none (through a handle:
     *         the same exception as {@link ExtensionHandle#current()}, naming point and tenant)
     */
    @SuppressWarnings("unchecked")
    static <T> ExtensionReducer<T, T> first() {
        return (ExtensionReducer<T, T>) (ExtensionReducer<?, ?>) Reducers.FIRST;
    }

    /** All implementations in chain order, as an immutable list. */
    static <T> ExtensionReducer<T, List<T>> all() {
        return implementations -> implementations;
    }

    /** The first non-null result of {@code call} in chain order, or null; stops at the first. */
    static <T, R> ExtensionReducer<T, @Nullable R> firstNonNull(Function<? super T, ? extends @Nullable R> call) {
        Objects.requireNonNull(call, "call");
        return implementations -> {
            for (T implementation : implementations) {
                R result = call.apply(implementation);
                if (result != null) {
                    return result;
                }
            }
            return null;
        };
    }

    /** Whether any implementation matches; stops at the first match. False when there is none. */
    static <T> ExtensionReducer<T, Boolean> anyMatch(Predicate<? super T> test) {
        Objects.requireNonNull(test, "test");
        return implementations -> {
            for (T implementation : implementations) {
                if (test.test(implementation)) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        };
    }

    /** Whether every implementation matches; stops at the first miss. True when there is none. */
    static <T> ExtensionReducer<T, Boolean> allMatch(Predicate<? super T> test) {
        Objects.requireNonNull(test, "test");
        return implementations -> {
            for (T implementation : implementations) {
                if (!test.test(implementation)) {
                    return Boolean.FALSE;
                }
            }
            return Boolean.TRUE;
        };
    }
}
