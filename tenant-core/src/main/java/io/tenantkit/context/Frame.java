package io.tenantkit.context;

import java.util.Objects;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a thread's tenant stack: the value the thread-local slot holds. Immutable but for
 * {@link #closed} and the cached {@link #handOff}, which only the owning thread touches. A frame whose
 * {@link #tenant} is null stands for "no tenant" pushed over an outer one (a task submitted without a
 * tenant, running on a thread that has one).
 *
 * <p>Handed out as a {@link TenantScope} when entered by {@link TenantContext#enter}, and as a
 * {@link TenantHandOff.Scope} when pushed by a hand-off ({@link #propagated}); the two close differently
 * when the code inside left scopes open: a scope throws, a hand-off discards them silently.
 */
final class Frame implements TenantScope, TenantHandOff.Scope {

    final @Nullable Tenant tenant;
    final @Nullable Frame previous;
    /** The MDC value to put back when this frame is popped. */
    final @Nullable String previousMdc;
    /** Pushed by a propagation mechanism rather than by {@link TenantContext#enter}. */
    final boolean propagated;
    boolean closed;
    /** What a hand-off from this frame carries (the tenant and the scope's pins), created by the first capture or pin. */
    private @Nullable TenantOnly handOff;

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

    /** The capture of this frame's tenant (and pins) for a hand-off. */
    TenantOnly handOff() {
        TenantOnly h = handOff;
        if (h == null) {
            h = tenant == null ? TenantOnly.NONE : new TenantOnly(tenant, null);
            handOff = h;
        }
        return h;
    }

    /** Sets what a hand-off from this frame carries: a frame entered by a hand-off carries the same. */
    void handOff(TenantOnly carried) {
        handOff = carried;
    }

    /** The values pinned to this scope ({@link ScopePin}), null if none. */
    ScopePin.@Nullable Pinned pins() {
        TenantOnly h = handOff;
        return h == null ? null : h.pins;
    }

    /** Pins {@code pins} (the previous ones and one more) to this scope; hand-offs captured from now on carry them. */
    void pin(ScopePin.Pinned pins) {
        handOff = new TenantOnly(tenant, pins);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        Frame top = TenantContext.SLOT.get();
        if (top == this) {
            TenantContext.popTop(this);
            return;
        }
        for (Frame f = top; f != null; f = f.previous) {
            if (f == this && propagated) {
                // A handed-over task left scopes open: they end with it.
                for (Frame g = top; g != this; g = g.previous) {
                    g.closed = true;
                }
                TenantContext.pop(this);
                return;
            }
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
