package io.tenantkit.context;

import java.util.Objects;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;

/**
 * A value that stays the same while a tenant scope is open: what a request reads must come from one
 * configuration generation, even if a reload is installed half-way through. The first {@link #get()} in a
 * scope pins the value {@link #pin} gives; every later {@code get()} in that scope answers the same until the
 * scope closes. Pins are shared along a thread's scopes: a scope nested in one that has a pin is given the
 * enclosing value (through {@link #pin}); a nested scope that pins first pins the outermost scope of the
 * thread with it, so that the enclosing code reads the same afterwards. A hand-off
 * ({@link TenantHandOff#capture()}) carries the pins its scope holds when it is captured, so the task reads
 * what the submitting scope read; a task whose scope had pinned nothing pins its own at its first read.
 *
 * <pre>{@code
 * ScopePin<Generation> generation = new ScopePin<>() {
 *     protected Generation pin(Tenant tenant, Generation enclosing) {
 *         return enclosing != null ? enclosing : latest;   // latest: a volatile field
 *     }
 * };
 * Generation g = generation.get();   // null outside any scope
 * }</pre>
 *
 * <p>A pinned value lives as long as its scope, so keep scopes to one unit of work (a request, a message,
 * a task): a scope held open for hours keeps reading what it pinned. Reading a pinned value costs a
 * thread-local read and a few field reads; pinning costs one small allocation per scope. Values must be
 * immutable: they are read on the threads that tasks are handed to.
 *
 * @param <P> the pinned value
 */
public abstract class ScopePin<P> {

    /** For subclasses. */
    protected ScopePin() {
    }

    /**
     * The value to pin for a scope.
     *
     * @param tenant the scope's tenant; null for a scope entered without one (a hand-off of "no tenant")
     * @param enclosing the value an enclosing scope on this thread has pinned, null if none has
     * @return the value, not null
     */
    protected abstract P pin(@Nullable Tenant tenant, @Nullable P enclosing);

    /**
     * The value pinned to the innermost open scope of this thread, pinned now if it has none; null when no
     * scope is open on this thread.
     */
    public final @Nullable P get() {
        Frame top = TenantContext.SLOT.get();
        if (top == null) {
            return null;
        }
        Pinned first = top.pins();
        if (first != null && first.source == this) {
            return cast(first.value); // the common case, kept small enough to inline
        }
        P pinned = find(top);
        return pinned != null ? pinned : pinNow(top);
    }

    private P pinNow(Frame top) {
        P enclosing = null;
        Frame outermost = top;
        for (Frame f = top.previous; f != null && enclosing == null; f = f.previous) {
            enclosing = find(f);
            outermost = f;
        }
        if (enclosing == null && outermost != top) {
            // No scope of this thread has a pin yet: the outermost one gets it, and this one reads the same.
            enclosing = install(outermost, pin(outermost.tenant, null));
        }
        return install(top, pin(top.tenant, enclosing));
    }

    private @Nullable P find(Frame frame) {
        for (Pinned n = frame.pins(); n != null; n = n.next) {
            if (n.source == this) {
                return cast(n.value);
            }
        }
        return null;
    }

    private P install(Frame frame, P value) {
        Objects.requireNonNull(value, "pin returned null");
        frame.pin(new Pinned(this, value, frame.pins()));
        return value;
    }

    @SuppressWarnings("unchecked")
    private P cast(Object value) {
        return (P) value;
    }

    /** One pinned value of a scope, in a list by source; immutable, so that hand-offs share it. */
    static final class Pinned {

        final ScopePin<?> source;
        final Object value;
        final @Nullable Pinned next;

        Pinned(ScopePin<?> source, Object value, @Nullable Pinned next) {
            this.source = source;
            this.value = value;
            this.next = next;
        }
    }
}
