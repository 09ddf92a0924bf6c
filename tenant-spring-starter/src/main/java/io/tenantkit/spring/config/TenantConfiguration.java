package io.tenantkit.spring.config;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@link TenantConfigurationProperties} class, bound for every active tenant. Inject it as
 * {@code TenantConfiguration<Fees>} and keep it in a field:
 *
 * <pre>{@code
 * BigDecimal rate = fees.current().rate();
 * }</pre>
 *
 * <p>{@link #current()} costs what an extension call costs: a thread-local read, a volatile read of the
 * instance array and an array read; no map, no string, no allocation. Each instance is immutable (a record)
 * or must be treated so; a reload publishes new instances, so one instance is always consistent in itself.
 * Read values that must belong together from one instance. Without a current tenant {@link #current()}
 * throws {@link io.tenantkit.context.MissingTenantException}: there is no default tenant.
 *
 * @param <T> the bound class
 */
public final class TenantConfiguration<T> {

    private final Class<T> type;
    private final String prefix;
    /** The snapshot the instances were bound for at [0], the instance of the tenant at index i at [i + 1]. */
    private volatile @Nullable Object[] dispatch;

    TenantConfiguration(Class<T> type, String prefix, @Nullable Object[] dispatch) {
        this.type = type;
        this.prefix = prefix;
        this.dispatch = dispatch;
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
     * The current tenant's instance.
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     * @throws IllegalStateException if the tenant is not active, or not in the configuration's snapshot
     */
    public T current() {
        Tenant tenant = TenantContext.currentOrNull();
        @Nullable Object[] d = dispatch;
        if (tenant != null) {
            int i = ((TenantSnapshot) Objects.requireNonNull(d[0])).indexOf(tenant);
            if (i >= 0) {
                Object instance = d[i + 1];
                if (instance != null) {
                    return type.cast(instance);
                }
            }
            throw unavailable(tenant.id(), d);
        }
        throw TenantContext.missing("tenant configuration " + type.getName());
    }

    /**
     * The instance of tenant {@code id}, whatever tenant is current (for jobs over tenants, admin views).
     *
     * @throws IllegalStateException if the tenant is not active, or not declared
     */
    public T of(TenantId id) {
        @Nullable Object[] d = dispatch;
        int i = ((TenantSnapshot) Objects.requireNonNull(d[0])).indexOf(id);
        Object instance = i < 0 ? null : d[i + 1];
        if (instance == null) {
            throw unavailable(id, d);
        }
        return type.cast(instance);
    }

    @Override
    public String toString() {
        return "TenantConfiguration[" + type.getName() + ", " + prefix + "]";
    }

    void publish(@Nullable Object[] next) {
        dispatch = next;
    }

    @Nullable Object[] dispatch() {
        return dispatch;
    }

    private IllegalStateException unavailable(TenantId id, @Nullable Object[] d) {
        TenantSnapshot snapshot = (TenantSnapshot) Objects.requireNonNull(d[0]);
        return new IllegalStateException("No " + type.getName() + " for tenant '" + id + "': "
                + (snapshot.indexOf(id) < 0 ? "the tenant is not declared (declared: " + snapshot + ")"
                        : "the tenant is " + snapshot.require(id).status() + "; configuration is bound for active tenants only")
                + ". Resolve the tenant from the TenantRegistry, or activate it.");
    }
}
