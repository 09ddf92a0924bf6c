package io.tenantkit.extension;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * Calls one extension point for the current tenant. Obtained from {@link ExtensionRegistry#handle(Class)};
 * keep it in a field and call it as often as you like.
 *
 * <pre>{@code
 * ExtensionHandle<FeePolicy> fees = registry.handle(FeePolicy.class);
 * Money fee = fees.current().fee(amount);
 * }</pre>
 *
 * <p>{@link #current()} costs a thread-local read, a volatile read of the dispatch array and an array read:
 * no string, no reflection, no allocation, no logging. The table is replaced whole when tenants or
 * bindings change, and each call reads it once, so a call never sees a half-built table. Without a
 * current tenant every method throws {@link io.tenantkit.context.MissingTenantException}: TenantKit
 * never falls back to a default tenant.
 *
 * @param <T> the extension point
 */
public final class ExtensionHandle<T> {

    private final Class<T> point;
    private final boolean optional;
    private final String what;
    private volatile Table table;
    /** {@code table.dispatch}, read by {@link #current()} without going through the table. */
    private volatile @Nullable Object[] dispatch;

    ExtensionHandle(Class<T> point, Table table) {
        this.point = point;
        this.optional = point.getAnnotation(ExtensionPoint.class).optional();
        this.what = "extension point " + point.getName();
        publish(table);
    }

    /** The extension point interface. */
    public Class<T> point() {
        return point;
    }

    /**
     * The implementation that answers for the current tenant: its own, else its nearest parent's,
     * else the global default; the highest priority within a level.
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     * @throws ExtensionResolutionException if none answers (only possible for an optional point, a
     *         tenant that is not active, or a tenant unknown to the table)
     */
    public T current() {
        return answerFor(TenantContext.currentOrNull());
    }

    /**
     * Like {@link #current()}, but null when no implementation answers for the current tenant (for
     * optional points).
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     * @throws ExtensionResolutionException if the tenant is unknown to the table or the registry has no bindings yet
     */
    @SuppressWarnings("unchecked")
    public @Nullable T currentOrNull() {
        Tenant tenant = TenantContext.currentOrNull();
        Table t = table;
        return (T) t.dispatch[index(tenant, t) + 1];
    }

    /** The implementation that answers for {@code tenant}, whatever tenant is current (for jobs that fan out over tenants). */
    public T forTenant(Tenant tenant) {
        return answerFor(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * The hot path of {@link #current()}: one field read, the snapshot check (the tenant's index is
     * only valid in its own snapshot; another snapshot's tenant is looked up by id), one array read.
     */
    @SuppressWarnings("unchecked")
    private T answerFor(@Nullable Tenant tenant) {
        @Nullable Object[] d = dispatch;
        if (tenant != null) {
            int i = ((TenantSnapshot) d[0]).indexOf(tenant);
            if (i >= 0) {
                Object implementation = d[i + 1];
                if (implementation != null) {
                    return (T) implementation;
                }
            }
        }
        throw failure(tenant, table);
    }

    /**
     * Every implementation that applies to the current tenant, in chain order: its own first, then
     * its parents', then the global defaults, higher priority first within a level. Immutable and
     * precomputed: no allocation.
     */
    @SuppressWarnings("unchecked")
    public List<T> all() {
        Table t = table;
        return (List<T>) t.lists[index(TenantContext.currentOrNull(), t)];
    }

    /** The first non-null result of {@code call} over {@link #all()}, or null; stops at the first. */
    @SuppressWarnings("unchecked")
    public <R> @Nullable R firstNonNull(Function<? super T, ? extends @Nullable R> call) {
        Table t = table;
        for (Object implementation : t.chains[index(TenantContext.currentOrNull(), t)]) {
            R result = call.apply((T) implementation);
            if (result != null) {
                return result;
            }
        }
        return null;
    }

    /** Whether any of {@link #all()} matches; stops at the first match. */
    @SuppressWarnings("unchecked")
    public boolean anyMatch(Predicate<? super T> test) {
        Table t = table;
        for (Object implementation : t.chains[index(TenantContext.currentOrNull(), t)]) {
            if (test.test((T) implementation)) {
                return true;
            }
        }
        return false;
    }

    /** Whether all of {@link #all()} match; stops at the first miss. */
    @SuppressWarnings("unchecked")
    public boolean allMatch(Predicate<? super T> test) {
        Table t = table;
        for (Object implementation : t.chains[index(TenantContext.currentOrNull(), t)]) {
            if (!test.test((T) implementation)) {
                return false;
            }
        }
        return true;
    }

    /** Applies a custom (or one of the standard) reducers to {@link #all()}. */
    @SuppressWarnings("unchecked")
    public <R> R reduce(ExtensionReducer<T, R> reducer) {
        if (reducer == (ExtensionReducer<?, ?>) Reducers.FIRST) {
            return (R) current();
        }
        return reducer.reduce(all());
    }

    @Override
    public String toString() {
        return "ExtensionHandle[" + point.getName() + "]";
    }

    void publish(Table next) {
        // Each reader reads one of the two fields once, and each is consistent in itself.
        dispatch = next.dispatch;
        table = next;
    }

    /** The index of {@code tenant} in {@code t}, or throws naming why there is none. */
    private int index(@Nullable Tenant tenant, Table t) {
        if (tenant == null) {
            throw TenantContext.missing(what);
        }
        int i = t.snapshot.indexOf(tenant);
        if (i < 0) {
            throw failure(tenant, t);
        }
        return i;
    }

    private RuntimeException failure(@Nullable Tenant tenant, Table t) {
        if (tenant == null) {
            return TenantContext.missing(what);
        }
        TenantId id = tenant.id();
        if (!t.built) {
            return new ExtensionResolutionException("Extension point " + point.getName() + " was called for tenant '" + id
                    + "' before its implementations were registered (the ExtensionRegistry has no bindings yet). "
                    + "Call extension points once the application has started, not from constructors or initialisers "
                    + "that run while the implementations are being created.");
        }
        int i = t.snapshot.indexOf(tenant);
        if (i < 0) {
            return new ExtensionResolutionException("Tenant '" + id + "' is not declared in the tenant snapshot the table of "
                    + "extension point " + point.getName() + " was built from, so no implementation is chosen for it. "
                    + "Declare the tenant in the TenantRegistry (the table is rebuilt on every change) and resolve it "
                    + "from the registry again.");
        }
        Tenant known = t.snapshot.get(i);
        return new ExtensionResolutionException("Extension point " + point.getName() + " has no implementation for tenant '"
                + id + "' (" + known.status() + (optional ? ", the point is optional" : "") + "). Bind one to '" + id
                + "' or to one of its parents, or add a global default (an implementation bound to no tenant)"
                + (optional ? ", or use currentOrNull()/all() where absence is expected." : "."));
    }
}
