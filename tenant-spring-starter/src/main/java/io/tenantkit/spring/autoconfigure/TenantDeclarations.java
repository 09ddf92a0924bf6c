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

/**
 * Turns the tenants declared under {@code tenantkit.tenants.*} and in the {@code tenantkit.catalog} file into
 * one validated {@link TenantSnapshot}, naming the property (or catalog entry) at fault.
 */
final class TenantDeclarations {

    static final String PREFIX = "tenantkit.tenants";

    /** Where tenants are declared: names the place of a value in error messages. */
    interface Origin {

        /** The place of tenant {@code key} itself. */
        String tenant(String key);

        /** The place of {@code field} of tenant {@code key}. */
        default String field(String key, String field) {
            return tenant(key) + "." + field;
        }
    }

    /** {@code tenantkit.tenants.<id>.*} properties. */
    static final Origin PROPERTIES = key -> TenantId.isValid(key) ? PREFIX + "." + key : PREFIX + "[" + key + "]";

    /**
     * One declared tenant.
     *
     * @param key the id as written
     * @param declaration its values
     * @param attributes its free attributes
     * @param origin where it is declared
     */
    record Declared(String key, TenantDeclaration declaration, Map<String, String> attributes, Origin origin) {
    }

    private TenantDeclarations() {
    }

    /**
     * The properties' tenants: the declarations with their attributes (by tenant key, see
     * {@link TenantAttributes}); a tenant that has attributes only is declared with defaults.
     */
    static List<Declared> fromProperties(Map<String, TenantDeclaration> declarations, Map<String, Map<String, String>> attributes) {
        Map<String, TenantDeclaration> declared = new LinkedHashMap<>(declarations);
        attributes.keySet().forEach(key -> declared.putIfAbsent(key, TenantDeclaration.DEFAULTS));
        List<Declared> out = new ArrayList<>(declared.size());
        declared.forEach((key, declaration) -> out.add(new Declared(key, declaration, attributes.getOrDefault(key, Map.of()), PROPERTIES)));
        return out;
    }

    /**
     * Validates {@code declared} into a snapshot, in declaration order.
     *
     * @throws InvalidTenantPropertyException naming the place at fault
     */
    static TenantSnapshot toSnapshot(List<Declared> declared) {
        Map<String, Declared> byKey = new LinkedHashMap<>();
        for (Declared d : declared) {
            Declared twice = byKey.putIfAbsent(d.key(), d);
            if (twice != null) {
                throw new InvalidTenantPropertyException(d.origin().tenant(d.key()), "tenant '" + d.key()
                        + "' is declared twice, also as " + twice.origin().tenant(d.key()),
                        "Declare each tenant in one place: remove one of the two declarations.");
            }
        }
        List<Tenant> tenants = new ArrayList<>(declared.size());
        for (Declared d : declared) {
            tenants.add(toTenant(d));
        }
        for (int i = 0; i < tenants.size(); i++) {
            Tenant tenant = tenants.get(i);
            Origin origin = declared.get(i).origin();
            TenantId parent = tenant.parent().orElse(null);
            if (parent != null && !byKey.containsKey(parent.value())) {
                throw new InvalidTenantPropertyException(origin.field(tenant.id().value(), "parent"),
                        "tenant '" + tenant.id() + "' names parent '" + parent + "', which is not declared",
                        "Declare " + origin.tenant(parent.value()) + " (status: inactive if it is only a region or group) "
                                + "or fix the parent of '" + tenant.id() + "'.");
            }
        }
        try {
            return TenantSnapshot.of(tenants);
        } catch (TenantDeclarationException e) {
            throw new InvalidTenantPropertyException(PREFIX + ".*.parent", e.getMessage(),
                    "Set the parent of one of these tenants to a tenant outside the cycle, or remove it.", e);
        }
    }

    private static Tenant toTenant(Declared d) {
        String key = d.key();
        Origin origin = d.origin();
        TenantDeclaration declaration = d.declaration();
        TenantId id;
        try {
            id = TenantId.of(key);
        } catch (InvalidTenantIdException e) {
            throw new InvalidTenantPropertyException(origin.tenant(e.escapedValue()), e.getMessage(),
                    "Rename the tenant: ids are lower-case ASCII letters, digits, '_' and '-' (such as jp or us-west).", e);
        }
        Tenant.Builder builder = Tenant.builder(id).status(declaration.status()).attributes(d.attributes());
        String name = declaration.name();
        if (name != null) {
            if (name.isBlank()) {
                throw new InvalidTenantPropertyException(origin.field(key, "name"), "the name of tenant '" + id + "' is blank",
                        "Give tenant '" + id + "' a name or remove the property (the id is used then).");
            }
            builder.name(name);
        }
        String parent = declaration.parent();
        if (parent != null) {
            builder.parent(parentOf(id, parent, origin.field(key, "parent")));
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

    private static TenantId parentOf(TenantId id, String parent, String property) {
        if (parent.equals(id.value())) {
            throw new InvalidTenantPropertyException(property, "tenant '" + id + "' names itself as its parent",
                    "Set " + property + " to another tenant (a region or group) or remove it.");
        }
        try {
            return TenantId.of(parent);
        } catch (InvalidTenantIdException e) {
            throw new InvalidTenantPropertyException(property, "tenant '" + id + "' names an invalid parent id: " + e.getMessage(),
                    "Set " + property + " to the id of a declared tenant.", e);
        }
    }
}
