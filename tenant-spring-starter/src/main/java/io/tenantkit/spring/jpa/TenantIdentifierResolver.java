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
 * <p>Without a current tenant it fails closed with a {@link io.tenantkit.context.MissingTenantException} when
 * {@code required} (the persistence unit has an entity with a {@code @TenantId}, so Hibernate would refuse the
 * session anyway), and answers {@code null} otherwise, so that applications whose entities are all shared keep
 * opening sessions without a tenant. No tenant is a "root" that sees every tenant's rows.
 */
public final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    private final boolean required;

    /**
     * A resolver.
     *
     * @param required whether a session opened without a current tenant fails with a
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
        if (required) {
            throw TenantContext.missing("Hibernate (opening a session, an EntityManager, for entities with a @TenantId)");
        }
        return null;
    }

    /** {@code true}: a session bound to the thread must belong to the current tenant, else Hibernate refuses it. */
    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    /** Whether a session opened without a tenant fails with a {@code MissingTenantException}. */
    public boolean required() {
        return required;
    }
}
