package io.tenantkit.extension;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
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
 * no string, no reflection, no allocation, no logging. Every call is answered from one generation of the
 * registry, the one built for the snapshot its tenant came from (see {@link ExtensionRegistry}), so calls
 * of several points for one tenant never mix old and new tables. Without a current tenant every method
 * throws {@link io.tenantkit.context.MissingTenantException}: TenantKit never falls back to a default tenant.
 *
 * <p>To combine the implementations that apply to a tenant, use {@link #all()}, the short-circuiting
 * {@link #firstNonNull}, {@link #anyMatch} and {@link #allMatch}, which allocate nothing, or
 * {@link #reduce} with a reducer of your own.
 *
 * @param <T> the extension point
 */
public final class ExtensionHandle<T> {

    private final ExtensionRegistry registry;
    private final Class<T> point;
    private final boolean optional;
    private final String what;
    private volatile PointTable table;
    /** {@code table.dispatch}, read by {@link #current()} without going through the table. */
    private volatile @Nullable Object[] dispatch;

    ExtensionHandle(ExtensionRegistry registry, Class<T> point, PointTable table) {
        this.registry = registry;
        this.point = point;
        this.optional = point.getAnnotation(ExtensionPoint.class).optional();
        this.what = "extension point " + point.getName();
        this.table = table;
        this.dispatch = table.dispatch;
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
     *         tenant that is not active, or a tenant that is not declared)
     */
    public T current() {
        return answerFor(TenantContext.currentOrNull());
    }

    /**
     * Like {@link #current()}, but null when no implementation answers for the current tenant (for
     * optional points).
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     * @throws ExtensionResolutionException if the tenant is not declared or the registry has no bindings yet
     */
    @SuppressWarnings("unchecked")
    public @Nullable T currentOrNull() {
        Tenant tenant = TenantContext.currentOrNull();
        @Nullable Object[] d = dispatch;
        if (tenant != null) {
            int i = ((TenantSnapshot) d[0]).indexOfOwn(tenant);
            if (i >= 0) {
                return (T) d[i + 1];
            }
        }
        Slot slot = slow(tenant);
        return (T) slot.table.dispatch[slot.index + 1];
    }

    /** The implementation that answers for {@code tenant}, whatever tenant is current (for jobs that fan out over tenants). */
    public T forTenant(Tenant tenant) {
        return answerFor(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * The hot path of {@link #current()}: one field read, the check that the tenant is an instance of
     * the snapshot the array was built for (a reference comparison; false for a superseded array), one
     * array read. Anything else goes to the registry.
     */
    @SuppressWarnings("unchecked")
    private T answerFor(@Nullable Tenant tenant) {
        @Nullable Object[] d = dispatch;
        if (tenant != null) {
            int i = ((TenantSnapshot) d[0]).indexOfOwn(tenant);
            if (i >= 0) {
                Object implementation = d[i + 1];
                if (implementation != null) {
                    return (T) implementation;
                }
            }
        }
        Slot slot = slow(tenant);
        Object implementation = slot.table.dispatch[slot.index + 1];
        if (implementation == null) {
            throw failure(tenant, slot.generation);
        }
        return (T) implementation;
    }

    /**
     * Every implementation that applies to the current tenant, in chain order: its own first, then
     * its parents', then the global defaults, higher priority first within a level. Immutable and
     * precomputed: no allocation.
     */
    @SuppressWarnings("unchecked")
    public List<T> all() {
        Tenant tenant = TenantContext.currentOrNull();
        PointTable t = table;
        if (tenant != null) {
            int i = t.owner().indexOfOwn(tenant);
            if (i >= 0) {
                return (List<T>) t.lists[i];
            }
        }
        Slot slot = slow(tenant);
        return (List<T>) slot.table.lists[slot.index];
    }

    /** The first non-null result of {@code call} over {@link #all()}, or null; stops at the first. */
    @SuppressWarnings("unchecked")
    public <R> @Nullable R firstNonNull(Function<? super T, ? extends @Nullable R> call) {
        for (Object implementation : chain()) {
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
        for (Object implementation : chain()) {
            if (test.test((T) implementation)) {
                return true;
            }
        }
        return false;
    }

    /** Whether all of {@link #all()} match; stops at the first miss. */
    @SuppressWarnings("unchecked")
    public boolean allMatch(Predicate<? super T> test) {
        for (Object implementation : chain()) {
            if (!test.test((T) implementation)) {
                return false;
            }
        }
        return true;
    }

    /** Applies {@code reducer} to {@link #all()}: for combinations the methods above do not cover. */
    public <R> R reduce(ExtensionReducer<T, R> reducer) {
        return reducer.reduce(all());
    }

    @Override
    public String toString() {
        return "ExtensionHandle[" + point.getName() + "]";
    }

    /** Called by the registry, after it published the generation {@code next} belongs to. */
    void publish(PointTable next) {
        // Each reader reads one of the two fields once, and each is consistent in itself.
        dispatch = next.dispatch;
        table = next;
    }

    private Object[] chain() {
        Tenant tenant = TenantContext.currentOrNull();
        PointTable t = table;
        if (tenant != null) {
            int i = t.owner().indexOfOwn(tenant);
            if (i >= 0) {
                return t.chains[i];
            }
        }
        Slot slot = slow(tenant);
        return slot.table.chains[slot.index];
    }

    /** Where {@code tenant} is answered when the fast path cannot tell: asks the registry for its generation. */
    private Slot slow(@Nullable Tenant tenant) {
        if (tenant == null) {
            throw TenantContext.missing(what);
        }
        Generation g = registry.generationFor(tenant);
        int i = g.indexOf(tenant);
        if (i < 0) {
            throw failure(tenant, g);
        }
        return new Slot(g, g.tables.get(point), i);
    }

    private RuntimeException failure(@Nullable Tenant tenant, Generation g) {
        if (tenant == null) {
            return TenantContext.missing(what);
        }
        if (!g.installed) {
            return new ExtensionResolutionException("Extension point " + point.getName() + " was called for tenant '"
                    + tenant.id() + "' before any implementation was bound (the ExtensionRegistry has no bindings yet). "
                    + "Call extension points once the implementations are bound, not from constructors or initialisers "
                    + "that run while they are being created.");
        }
        int i = g.indexOf(tenant);
        if (i < 0) {
            return new ExtensionResolutionException("Tenant '" + tenant.id() + "' is not declared in the tenant snapshot "
                    + "extension point " + point.getName() + " answers from, so no implementation is chosen for it. "
                    + "Declare the tenant in the TenantRegistry and resolve it from the registry again.");
        }
        Tenant known = g.tenants.get(i);
        return new ExtensionResolutionException("Extension point " + point.getName() + " has no implementation for tenant '"
                + known.id() + "' (" + known.status() + (optional ? ", the point is optional" : "") + "). Bind one to '"
                + known.id() + "' or to one of its parents, or add a global default (an implementation bound to no tenant)"
                + (optional ? ", or use currentOrNull()/all() where absence is expected." : "."));
    }

    /** A table of the generation that answers a tenant, and the tenant's index in it. */
    private record Slot(Generation generation, PointTable table, int index) {
    }
}
