package io.tenantkit.context;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

import com.alibaba.ttl.TransmittableThreadLocal.Transmitter.Transmittee;

/**
 * Lets TTL carry the tenant: captured when a task is wrapped, pushed on the worker thread while the
 * task runs (MDC included), popped afterwards. A task captured without a tenant runs without one,
 * whatever the worker thread held before.
 */
final class TenantTransmittee implements Transmittee<@Nullable Tenant, Frame> {

    @Override
    public @Nullable Tenant capture() {
        return TenantContext.currentOrNull();
    }

    @Override
    public Frame replay(@Nullable Tenant captured) {
        return TenantContext.push(captured, true);
    }

    @Override
    public Frame clear() {
        return TenantContext.push(null, true);
    }

    @Override
    public void restore(Frame backup) {
        TenantContext.pop(backup);
    }
}
