package io.tenantkit.context;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

import com.alibaba.ttl.TransmittableThreadLocal.Transmitter;

/**
 * A hand-off that carries the tenant and nothing else (but the values pinned to its scope, see
 * {@link ScopePin}): the common case. One per scope (cached in its {@link Frame}), so capturing allocates
 * nothing.
 */
final class TenantOnly implements TenantHandOff {

    /** The capture of a thread without a tenant: the task runs without one. */
    static final TenantOnly NONE = new TenantOnly(null, null);

    private final @Nullable Tenant tenant;
    /** The values pinned to the captured scope: the task reads them too. */
    final ScopePin.@Nullable Pinned pins;

    TenantOnly(@Nullable Tenant tenant, ScopePin.@Nullable Pinned pins) {
        this.tenant = tenant;
        this.pins = pins;
    }

    @Override
    public Scope enter() {
        if (TtlValues.noneOnThisThread()) {
            return entered();
        }
        // The worker holds TTL values the submitter did not have: cleared for the task, as TTL's replay
        // of a capture without them would, and put back afterwards.
        Object cleared = Transmitter.clear();
        return new TtlScope(cleared, entered());
    }

    private Frame entered() {
        Frame frame = TenantContext.push(tenant, true);
        frame.handOff(this);
        return frame;
    }

    @Override
    public String toString() {
        return "TenantHandOff[" + (tenant == null ? "no tenant" : tenant.id().value()) + "]";
    }
}
