package io.tenantkit.tenant;

/**
 * Hears about snapshot changes in a {@link TenantRegistry}. Anything derived from a snapshot (a
 * dispatch table, per-tenant config, caches) listens so that it is rebuilt with the snapshot.
 */
public interface TenantRegistryListener {

    /**
     * Called before {@code next} replaces {@code current}, on the thread that asked for the change.
     * Throw to veto it: the registry keeps {@code current} and the exception reaches the caller.
     * The place to build and validate what is derived from {@code next}.
     */
    default void beforeChange(TenantSnapshot current, TenantSnapshot next) {
    }

    /**
     * Called when a listener after this one vetoed {@code rejected}, after this one's {@code beforeChange}
     * accepted it: drop what was built for it. {@code current} stays. Should not throw.
     */
    default void changeRejected(TenantSnapshot current, TenantSnapshot rejected) {
    }

    /** Called after {@code current} replaced {@code previous}. Should not throw. */
    void afterChange(TenantSnapshot previous, TenantSnapshot current);
}
