package io.tenantkit.spring.jpa;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.jspecify.annotations.Nullable;

/**
 * Tells Hibernate the current tenant: the id of {@link TenantContext}'s tenant, which Hibernate writes into
 * every new row's {@code @TenantId} attribute and adds to every query, update and delete of the session.
 * Hibernate asks once per session (an {@code EntityManager}), when it opens.
 *
 * <p>Without a current tenant:
 * <ul>
 * <li>while the application starts (until {@link #started()}), it answers {@link #STARTUP}, an identifier no
 * tenant can have: Spring Data opens sessions then to look up named queries, and they must open. Such a
 * session sees no tenant's rows, and rows it writes belong to no tenant;</li>
 * <li>afterwards it fails closed with a {@link io.tenantkit.context.MissingTenantException} when
 * {@code required} (an entity has a {@code @TenantId}, so Hibernate would refuse the session anyway), and
 * answers {@code null} otherwise, so that applications whose entities are all shared keep opening sessions
 * without a tenant.</li>
 * </ul>
 * No identifier is a "root" that sees every tenant's rows.
 */
public final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    /** What sessions opened without a tenant during startup get: not a valid tenant id, so it matches no tenant's rows. */
    public static final String STARTUP = "tenantkit:startup";

    private final boolean required;
    private volatile boolean started;

    /**
     * A resolver, in the startup phase until {@link #started()}.
     *
     * @param required whether a session opened without a current tenant after startup fails with a
     *        {@code MissingTenantException} (rather than {@code null}, Hibernate's "no tenant")
     */
    public TenantIdentifierResolver(boolean required) {
        this.required = required;
    }

    /** The current tenant's id; without one, see the class description. */
    @Override
    public @Nullable String resolveCurrentTenantIdentifier() {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant != null) {
            return tenant.id().value();
        }
        if (!required) {
            return null;
        }
        if (!started) {
            return STARTUP;
        }
        throw TenantContext.missing("Hibernate (opening a session, an EntityManager, for entities with a @TenantId)");
    }

    /** {@code true}: a session bound to the thread must belong to the current tenant, else Hibernate refuses it. */
    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    /** Ends the startup phase: from now on a session without a tenant fails closed (when {@link #required()}). */
    public void started() {
        started = true;
    }

    /** Whether a session opened without a tenant after startup fails with a {@code MissingTenantException}. */
    public boolean required() {
        return required;
    }
}
