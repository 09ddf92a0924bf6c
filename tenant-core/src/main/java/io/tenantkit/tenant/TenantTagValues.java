package io.tenantkit.tenant;

import java.util.Objects;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;

/**
 * The cardinality guard for the {@value #KEY} tag: a tenant the registry knows gives its id; anything
 * else gives {@value #UNKNOWN}; no tenant at all gives {@value #NONE}. So the tag has at most as many
 * values as the registry has tenants, plus two, whatever the traffic sends.
 */
public final class TenantTagValues {

    /** The tag (low-cardinality key) name. */
    public static final String KEY = "tenant";

    /** The value for a request that was served without a tenant and named none. */
    public static final String NONE = "none";

    /** The value for a tenant, or a requested tenant id, that the registry does not know. */
    public static final String UNKNOWN = "unknown";

    private final TenantRegistry registry;

    /** Tag values bounded by {@code registry}'s current snapshot. */
    public TenantTagValues(TenantRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The tag value for a tenant that served a request, or null for none. */
    public String of(@Nullable Tenant tenant) {
        if (tenant == null) {
            return NONE;
        }
        return registry.snapshot().indexOf(tenant) >= 0 ? tenant.id().value() : UNKNOWN;
    }

    /**
     * The tag value for a validated tenant id a request named but was not served under (refused at the
     * edge, for example as suspended): the id if the registry knows it, {@value #UNKNOWN} otherwise,
     * {@value #NONE} when nothing was named.
     */
    public String ofRequested(@Nullable TenantId requested) {
        if (requested == null) {
            return NONE;
        }
        return registry.snapshot().indexOf(requested) >= 0 ? requested.value() : UNKNOWN;
    }
}
