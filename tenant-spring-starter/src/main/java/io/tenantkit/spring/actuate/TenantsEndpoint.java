package io.tenantkit.spring.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code tenants} actuator endpoint: every tenant of the registry (id, name, status, parent, locale,
 * currency, time zone) and what the {@link TenantEndpointContributor} beans add, such as the extension
 * resolution matrix. {@code GET /actuator/tenants/{id}} describes one tenant; an id the registry does not
 * know (or a malformed one) answers 404. Each read works on one registry snapshot.
 */
@Endpoint(id = "tenants")
public final class TenantsEndpoint {

    private final TenantRegistry registry;
    private final List<TenantEndpointContributor> contributors;

    /**
     * An endpoint over {@code registry}.
     *
     * @param registry the tenants
     * @param contributors what else to show, in order
     * @throws IllegalStateException if two contributors have the same name
     */
    public TenantsEndpoint(TenantRegistry registry, List<TenantEndpointContributor> contributors) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.contributors = List.copyOf(contributors);
        Map<String, TenantEndpointContributor> byName = new LinkedHashMap<>();
        for (TenantEndpointContributor contributor : this.contributors) {
            TenantEndpointContributor clash = byName.putIfAbsent(contributor.name(), contributor);
            if (clash != null) {
                throw new IllegalStateException("Two TenantEndpointContributor beans use the name '"
                        + contributor.name() + "': " + clash.getClass().getName() + " and "
                        + contributor.getClass().getName() + ". Give each a unique name().");
            }
        }
    }

    /** All tenants, with the contributors' details. */
    @ReadOperation
    public TenantsDescriptor tenants() {
        TenantSnapshot snapshot = registry.snapshot();
        List<TenantDescriptor> tenants = snapshot.all().stream().map(TenantDescriptor::of).toList();
        return new TenantsDescriptor(tenants, details(contributor -> contributor.contribute(snapshot)));
    }

    /** One tenant, with the contributors' details about it; null (404) if the registry does not know it. */
    @ReadOperation
    public @Nullable TenantDetailsDescriptor tenant(@Selector String id) {
        if (!TenantId.isValid(id)) {
            return null;
        }
        TenantSnapshot snapshot = registry.snapshot();
        Optional<Tenant> found = snapshot.find(TenantId.of(id));
        if (found.isEmpty()) {
            return null;
        }
        Tenant tenant = found.get();
        return new TenantDetailsDescriptor(TenantDescriptor.of(tenant),
                details(contributor -> contributor.contribute(tenant, snapshot)));
    }

    private Map<String, Object> details(Function<TenantEndpointContributor, @Nullable Object> contribution) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (TenantEndpointContributor contributor : contributors) {
            Object value = contribution.apply(contributor);
            if (value != null) {
                details.put(contributor.name(), value);
            }
        }
        return details;
    }
}
