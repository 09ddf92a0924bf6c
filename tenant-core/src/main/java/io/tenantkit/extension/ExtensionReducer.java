package io.tenantkit.extension;

import java.util.List;

/**
 * Combines the implementations that apply to a tenant, in chain order (the tenant's own first, then
 * its parents', then the global defaults; higher priority first within a level), into one result.
 * Passed to {@link ExtensionHandle#reduce(ExtensionReducer)} for combinations that
 * {@link ExtensionHandle#all()}, {@link ExtensionHandle#firstNonNull}, {@link ExtensionHandle#anyMatch}
 * and {@link ExtensionHandle#allMatch} do not cover.
 *
 * <pre>{@code
 * BigDecimal cheapest = fees.reduce(all -> all.stream().map(f -> f.fee(amount)).min(BigDecimal::compareTo).orElseThrow());
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
}
