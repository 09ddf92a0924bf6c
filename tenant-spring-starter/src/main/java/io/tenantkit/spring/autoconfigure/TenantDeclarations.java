package io.tenantkit.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tenantkit.spring.autoconfigure.TenantKitProperties.TenantDeclaration;
import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantDeclarationException;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;

/** Turns {@code tenantkit.tenants.*} into a validated {@link TenantSnapshot}, naming the property at fault. */
final class TenantDeclarations {

    static final String PREFIX = "tenantkit.tenants";

    private TenantDeclarations() {
    }

    /**
     * The snapshot of the declared tenants, with their attributes (by tenant key, see
     * {@link TenantAttributes}); a tenant that has attributes only is declared with defaults.
     */
    static TenantSnapshot toSnapshot(Map<String, TenantDeclaration> declarations, Map<String, Map<String, String>> attributes) {
        Map<String, TenantDeclaration> declared = new LinkedHashMap<>(declarations);
        attributes.keySet().forEach(key -> declared.putIfAbsent(key, TenantDeclaration.DEFAULTS));
        List<Tenant> tenants = new ArrayList<>(declared.size());
        for (Map.Entry<String, TenantDeclaration> entry : declared.entrySet()) {
            tenants.add(toTenant(entry.getKey(), entry.getValue(), attributes.getOrDefault(entry.getKey(), Map.of())));
        }
        for (Tenant tenant : tenants) {
            tenant.parent().filter(parent -> !declared.containsKey(parent.value())).ifPresent(parent -> {
                throw new InvalidTenantPropertyException(PREFIX + "." + tenant.id() + ".parent",
                        "tenant '" + tenant.id() + "' names parent '" + parent + "', which is not declared",
                        "Declare " + PREFIX + "." + parent + " (status: inactive if it is only a region or group) "
                                + "or fix the parent of '" + tenant.id() + "'.");
            });
        }
        try {
            return TenantSnapshot.of(tenants);
        } catch (TenantDeclarationException e) {
            throw new InvalidTenantPropertyException(PREFIX + ".*.parent", e.getMessage(),
                    "Set the parent of one of these tenants to a tenant outside the cycle, or remove it.", e);
        }
    }

    private static Tenant toTenant(String key, TenantDeclaration declaration, Map<String, String> attributes) {
        TenantId id;
        try {
            id = TenantId.of(key);
        } catch (InvalidTenantIdException e) {
            throw new InvalidTenantPropertyException(PREFIX + "[" + e.escapedValue() + "]", e.getMessage(),
                    "Rename the tenant: ids are lower-case ASCII letters, digits, '_' and '-' (such as jp or us-west).", e);
        }
        String property = PREFIX + "." + id;
        Tenant.Builder builder = Tenant.builder(id).status(declaration.status()).attributes(attributes);
        String name = declaration.name();
        if (name != null) {
            if (name.isBlank()) {
                throw new InvalidTenantPropertyException(property + ".name", "the name of tenant '" + id + "' is blank",
                        "Give tenant '" + id + "' a name or remove the property (the id is used then).");
            }
            builder.name(name);
        }
        String parent = declaration.parent();
        if (parent != null) {
            if (parent.equals(id.value())) {
                throw new InvalidTenantPropertyException(property + ".parent", "tenant '" + id + "' names itself as its parent",
                        "Set " + property + ".parent to another tenant (a region or group) or remove it.");
            }
            try {
                builder.parent(TenantId.of(parent));
            } catch (InvalidTenantIdException e) {
                throw new InvalidTenantPropertyException(property + ".parent",
                        "tenant '" + id + "' names an invalid parent id: " + e.getMessage(),
                        "Set " + property + ".parent to the id of a declared tenant.", e);
            }
        }
        if (declaration.locale() != null) {
            builder.locale(declaration.locale());
        }
        builder.currency(declaration.currency());
        if (declaration.timeZone() != null) {
            builder.timeZone(declaration.timeZone());
        }
        return builder.build();
    }
}
