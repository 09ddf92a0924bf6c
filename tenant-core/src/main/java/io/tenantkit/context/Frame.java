package io.tenantkit.context;

import java.util.Objects;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a thread's tenant stack: the value the thread-local slot holds. Immutable but for
 * {@link #closed}, which only the owning thread touches. A frame whose {@link #tenant} is null stands
 * for "no tenant" pushed over an outer one (a task submitted without a tenant, running on a thread
 * that has one).
 */
final class Frame implements TenantScope {

    final @Nullable Tenant tenant;
    final @Nullable Frame previous;
    /** The MDC value to put back when this frame is popped. */
    final @Nullable String previousMdc;
    /** Pushed by a propagation mechanism rather than by {@link TenantContext#enter}. */
    final boolean propagated;
    boolean closed;

    Frame(@Nullable Tenant tenant, @Nullable Frame previous, @Nullable String previousMdc, boolean propagated) {
        this.tenant = tenant;
        this.previous = previous;
        this.previousMdc = previousMdc;
        this.propagated = propagated;
    }

    @Override
    public Tenant tenant() {
        // Frames handed out as scopes always carry a tenant.
        return Objects.requireNonNull(tenant);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        Frame top = TenantContext.SLOT.get();
        if (top == this) {
            TenantContext.pop(this);
            return;
        }
        for (Frame f = top; f != null; f = f.previous) {
            if (f == this) {
                StringBuilder open = new StringBuilder();
                for (Frame g = top; g != this; g = g.previous) {
                    g.closed = true;
                    open.append(open.length() == 0 ? "" : ", ").append(name(g));
                }
                TenantContext.pop(this);
                throw new IllegalStateException("Tenant scope for " + name(this)
                        + " was closed while inner scopes were still open (" + open
                        + "); they were closed too and the tenant from before " + name(this)
                        + " is restored. Close scopes innermost first: use try-with-resources.");
            }
        }
        throw new IllegalStateException("Tenant scope for " + name(this) + " is not open on thread '"
                + Thread.currentThread().getName() + "'. Close a scope on the thread that entered it; to hand "
                + "a tenant to another thread, use TenantExecutors or TenantContext.runAs there.");
    }

    private static String name(Frame f) {
        return f.tenant == null ? "(no tenant)" : "'" + f.tenant.id() + "'";
    }

    @Override
    public String toString() {
        return "TenantScope[" + name(this) + (closed ? ", closed]" : "]");
    }
}
