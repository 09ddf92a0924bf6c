package io.tenantkit.spring.config;

import io.tenantkit.context.ScopePin;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;

/**
 * One {@link TenantConfigurationProperties} class, bound for every active tenant. Inject it as
 * {@code TenantConfiguration<Fees>} and keep it in a field:
 *
 * <pre>{@code
 * BigDecimal rate = fees.current().rate();
 * }</pre>
 *
 * <p>{@link #current()} is a thread-local read, a few field reads and an
 * array read; no map, no string, no allocation. Each instance is immutable (a record) or must be treated so.
 * Inside a tenant scope (a request, a message, a handed-off task) every read, of every class and of the
 * {@code TenantConfigStore}, comes from the configuration generation pinned to the scope at its first read: a
 * reload installed meanwhile is seen by the next scope, never half-way through this one. Without a current
 * tenant {@link #current()} throws {@link io.tenantkit.context.MissingTenantException}: there is no default
 * tenant.
 *
 * @param <T> the bound class
 */
public final class TenantConfiguration<T> {

    private final Class<T> type;
    private final String prefix;
    private final int index;
    private final TenantConfigurationBinder binder;
    /** The instances pinned to the current scope: the binder's. */
    private final ScopePin<TenantConfigurationBinder.Bound> pinned;

    TenantConfiguration(Class<T> type, String prefix, int index, TenantConfigurationBinder binder,
            ScopePin<TenantConfigurationBinder.Bound> pinned) {
        this.type = type;
        this.prefix = prefix;
        this.index = index;
        this.binder = binder;
        this.pinned = pinned;
    }

    /** The bound class. */
    public Class<T> type() {
        return type;
    }

    /** The prefix of its keys. */
    public String prefix() {
        return prefix;
    }

    /**
     * The current tenant's instance, from the generation pinned to the current scope.
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     * @throws IllegalStateException if the tenant is not active, or not in the configuration's snapshot
     */
    public T current() {
        TenantConfigurationBinder.Bound bound = pinned.get();
        if (bound != null) {
            Object[] own = bound.own();
            Object instance = own == null ? null : own[index];
            if (instance != null) {
                return type.cast(instance);
            }
            Tenant tenant = bound.tenant();
            if (tenant != null) {
                throw unavailable(tenant.id(), bound.snapshot());
            }
        }
        throw TenantContext.missing("tenant configuration " + type.getName());
    }

    /**
     * The instance of tenant {@code id}, whatever tenant is current (for jobs over tenants, admin views): from
     * the generation pinned to the current scope, or the latest outside any scope.
     *
     * @throws IllegalStateException if the tenant is not active, or not declared
     */
    public T of(TenantId id) {
        TenantConfigurationBinder.Bound scope = pinned.get();
        TenantConfigurationBinder.Bound bound = scope != null ? scope : binder.latest();
        int i = bound.snapshot().indexOf(id);
        Object instance = i < 0 ? null : bound.instances()[index][i];
        if (instance == null) {
            throw unavailable(id, bound.snapshot());
        }
        return type.cast(instance);
    }

    @Override
    public String toString() {
        return "TenantConfiguration[" + type.getName() + ", " + prefix + "]";
    }

    private IllegalStateException unavailable(TenantId id, TenantSnapshot snapshot) {
        return new IllegalStateException("No " + type.getName() + " for tenant '" + id + "': "
                + (snapshot.indexOf(id) < 0 ? "the tenant is not declared (declared: " + snapshot + ")"
                        : "the tenant is " + snapshot.require(id).status() + "; configuration is bound for active tenants only")
                + ". Resolve the tenant from the TenantRegistry, or activate it.");
    }
}
