package io.tenantkit.spring.config;

import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.tenant.TenantId;
import java.util.Set;
import org.springframework.context.ApplicationEvent;

/**
 * Published after a new configuration generation is installed (a reloaded operator file, a tenant change):
 * listen to it to evict what was derived from the old values.
 */
public final class TenantConfigurationChangedEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final transient TenantConfigGeneration generation;
    private final Set<TenantId> tenants;

    /** The event for {@code generation}, in which {@code tenants}' values changed. */
    public TenantConfigurationChangedEvent(Object source, TenantConfigGeneration generation, Set<TenantId> tenants) {
        super(source);
        this.generation = generation;
        this.tenants = Set.copyOf(tenants);
    }

    /** The generation now installed. */
    public TenantConfigGeneration generation() {
        return generation;
    }

    /** The tenants whose values changed. */
    public Set<TenantId> tenants() {
        return tenants;
    }
}
