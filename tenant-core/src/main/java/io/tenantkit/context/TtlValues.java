package io.tenantkit.context;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.jspecify.annotations.Nullable;

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.TransmittableThreadLocal.Transmitter;

/**
 * Whether TTL would carry anything besides the tenant, answered in a few nanoseconds. TTL's public API
 * offers only the full capture (a map per transmittee, per task); what decides whether that capture
 * holds more than the tenant sits in three private fields of TTL 2.14: the per-thread set of
 * {@code TransmittableThreadLocal}s that have a value on the thread ({@code TransmittableThreadLocal.holder}),
 * the plain thread locals registered with {@code Transmitter.registerThreadLocal}
 * ({@code Transmitter.threadLocalHolder}) and the registered transmittees ({@code Transmitter.transmitteeSet}).
 * They are looked up once, when this class initialises, and only read. When they cannot be (another
 * TTL version, a security manager), {@link #onlyTheTenant()} always answers false and every hand-off
 * takes TTL's full capture: slower, never wrong.
 */
final class TtlValues {

    /** Whether TTL's state could be looked up; if not, every hand-off goes through TTL. */
    static final boolean READABLE;

    private static final @Nullable InheritableThreadLocal<? extends Map<?, ?>> HOLDER;
    private static final @Nullable VarHandle THREAD_LOCALS;
    private static final @Nullable Set<?> TRANSMITTEES;
    /** How many transmittees TTL holds when they are TTL's own and TenantKit's. */
    private static final int KNOWN_TRANSMITTEES;

    static {
        // The tenant's transmittee is registered first, so that it counts as known.
        TenantContext.currentOrNull();
        InheritableThreadLocal<? extends Map<?, ?>> holder = null;
        VarHandle threadLocals = null;
        Set<?> transmittees = null;
        int known = -1;
        try {
            MethodHandles.Lookup ttl = MethodHandles.privateLookupIn(TransmittableThreadLocal.class, MethodHandles.lookup());
            MethodHandles.Lookup transmitter = MethodHandles.privateLookupIn(Transmitter.class, MethodHandles.lookup());
            holder = cast(ttl.findStaticVarHandle(TransmittableThreadLocal.class, "holder", InheritableThreadLocal.class).get());
            threadLocals = transmitter.findStaticVarHandle(Transmitter.class, "threadLocalHolder", WeakHashMap.class);
            transmittees = (Set<?>) transmitter.findStaticVarHandle(Transmitter.class, "transmitteeSet", Set.class).get();
            known = 0;
            for (Object transmittee : transmittees) {
                if (transmittee instanceof TenantTransmittee
                        || transmittee.getClass().getName().startsWith(Transmitter.class.getName() + "$")) {
                    known++;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            holder = null;
        }
        READABLE = holder != null;
        HOLDER = holder;
        THREAD_LOCALS = threadLocals;
        TRANSMITTEES = transmittees;
        KNOWN_TRANSMITTEES = known;
    }

    private TtlValues() {
    }

    /**
     * Whether a hand-off from (or to) the current thread carries nothing but the tenant: no
     * {@code TransmittableThreadLocal} has a value on this thread, no plain thread local is registered
     * with TTL, and TTL has no transmittee besides its own two and TenantKit's.
     */
    static boolean onlyTheTenant() {
        return READABLE
                && TRANSMITTEES.size() == KNOWN_TRANSMITTEES
                && ((WeakHashMap<?, ?>) THREAD_LOCALS.getVolatile()).isEmpty()
                && HOLDER.get().isEmpty();
    }

    /**
     * Whether the current thread holds no {@code TransmittableThreadLocal} value: then a worker about to
     * run a task that carries the tenant alone has nothing that TTL's replay would clear for it.
     */
    static boolean noneOnThisThread() {
        return READABLE && HOLDER.get().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static InheritableThreadLocal<? extends Map<?, ?>> cast(Object holder) {
        return (InheritableThreadLocal<? extends Map<?, ?>>) holder;
    }
}
