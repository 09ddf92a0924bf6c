package io.tenantkit.context;

import io.micrometer.context.ThreadLocalAccessor;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

/**
 * Micrometer context-propagation accessor for the current tenant, registered through
 * {@code META-INF/services}, so that {@code ContextSnapshot}, Reactor and Spring's context-aware
 * executors carry the tenant (and its MDC value). Use it with {@code clearMissing(true)}: then a
 * snapshot taken without a tenant clears a stale one on the thread it is restored on.
 */
public final class TenantThreadLocalAccessor implements ThreadLocalAccessor<Tenant> {

    /** The key under which the tenant is captured. */
    public static final String KEY = "tenantkit.tenant";

    /** Used by {@link java.util.ServiceLoader}. */
    public TenantThreadLocalAccessor() {
    }

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public @Nullable Tenant getValue() {
        return TenantContext.currentOrNull();
    }

    @Override
    public void setValue(Tenant value) {
        TenantContext.push(value, true);
    }

    @Override
    public void setValue() {
        TenantContext.push(null, true);
    }

    @Override
    public void restore(Tenant previousValue) {
        popPropagated();
        if (TenantContext.currentOrNull() != previousValue) {
            TenantContext.push(previousValue, true);
        }
    }

    @Override
    public void restore() {
        popPropagated();
        if (TenantContext.currentOrNull() != null) {
            TenantContext.push(null, true);
        }
    }

    /**
     * Pops the frame the matching {@code setValue} pushed: the topmost propagated one, together with
     * any scope the task entered above it and never closed, so that a leaking task leaves nothing
     * behind on a pooled thread. Scopes entered before the snapshot was restored stay open.
     */
    private static void popPropagated() {
        for (Frame f = TenantContext.SLOT.get(); f != null; f = f.previous) {
            if (f.propagated) {
                for (Frame g = TenantContext.SLOT.get(); g != f; g = g.previous) {
                    g.closed = true;
                }
                TenantContext.pop(f);
                return;
            }
        }
    }
}
