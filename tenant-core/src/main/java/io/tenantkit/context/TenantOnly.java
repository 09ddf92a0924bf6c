package io.tenantkit.context;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

import com.alibaba.ttl.TransmittableThreadLocal.Transmitter;

/**
 * A hand-off that carries the tenant and nothing else: the common case. One per scope (cached in its
 * {@link Frame}), so capturing allocates nothing.
 */
final class TenantOnly implements TenantHandOff {

    /** The capture of a thread without a tenant: the task runs without one. */
    static final TenantOnly NONE = new TenantOnly(null);

    private final @Nullable Tenant tenant;

    TenantOnly(@Nullable Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public Scope enter() {
        if (TtlValues.noneOnThisThread()) {
            return TenantContext.push(tenant, true);
        }
        // The worker holds TTL values the submitter did not have: cleared for the task, as TTL's replay
        // of a capture without them would, and put back afterwards.
        Object cleared = Transmitter.clear();
        return new TtlScope(cleared, TenantContext.push(tenant, true));
    }

    @Override
    public String toString() {
        return "TenantHandOff[" + (tenant == null ? "no tenant" : tenant.id().value()) + "]";
    }
}
