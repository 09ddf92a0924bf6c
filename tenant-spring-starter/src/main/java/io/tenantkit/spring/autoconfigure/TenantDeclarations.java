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

import org.jspecify.annotations.Nullable;
import org.springframework.boot.origin.Origin;

/**
 * Turns the tenants declared under {@code tenantkit.tenants.*} and in the {@code tenantkit.catalog} file into
 * one validated {@link TenantSnapshot}. Core checks the declarations ({@link Tenant}, {@link TenantSnapshot});
 * this class only translates core's {@link TenantDeclarationException} to the property (or catalog entry)
 * at fault.
 */
final class TenantDeclarations {

    static final String PREFIX = "tenantkit.tenants";

    /** Where tenants are declared: names the place of a value in error messages. */
    interface Place {

        /** The place of tenant {@code key} itself. */
        String tenant(String key);

        /** The place of {@code field} of tenant {@code key}. */
        default String field(String key, String field) {
            return tenant(key) + "." + field;
        }

        /**
         * Where {@code field} (the tenant itself for null) is written, when the property name alone does not
         * find it in the {@code Environment}; null if unknown.
         */
        default @Nullable Origin origin(@Nullable String field) {
            return null;
        }

        /** Whether the declaration writes {@code field}, when the place can tell (a catalog entry); true otherwise. */
        default boolean writes(String field) {
            return true;
        }
    }

    /** {@code tenantkit.tenants.<id>.*} properties. */
    static final Place PROPERTIES = key -> TenantId.isValid(key) ? PREFIX + "." + key : PREFIX + "[" + key + "]";

    /**
     * One declared tenant.
     *
     * @param key the id as written
     * @param declaration its values
     * @param attributes its free attributes
     * @param place where it is declared
     */
    record Declared(String key, TenantDeclaration declaration, Map<String, String> attributes, Place place) {

        /** A startup failure at {@code field} of this tenant (the tenant itself for null). */
        InvalidTenantPropertyException failure(@Nullable String field, String problem, String action, @Nullable Throwable cause) {
            return new InvalidTenantPropertyException(field == null ? place.tenant(key) : place.field(key, field), problem, action,
                    place.origin(field), cause);
        }
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
        List<Tenant> tenants = new ArrayList<>(declared.size());
        for (Declared d : declared) {
            try {
                tenants.add(toTenant(d));
            } catch (TenantDeclarationException e) {
                throw translate(e, List.of(d));
            }
        }
        try {
            return TenantSnapshot.of(tenants);
        } catch (TenantDeclarationException e) {
            throw translate(e, declared);
        }
    }

    private static Tenant toTenant(Declared d) {
        TenantDeclaration declaration = d.declaration();
        TenantId id;
        try {
            id = TenantId.of(d.key());
        } catch (InvalidTenantIdException e) {
            throw new InvalidTenantPropertyException(d.place().tenant(e.escapedValue()), e.getMessage(),
                    "Rename the tenant: ids are lower-case ASCII letters, digits, '_' and '-' (such as jp or us-west).",
                    d.place().origin(null), e);
        }
        Tenant.Builder builder = Tenant.builder(id).status(declaration.status()).attributes(d.attributes());
        if (declaration.name() != null) {
            builder.name(declaration.name());
        }
        String parent = declaration.parent();
        if (parent != null) {
            try {
                builder.parent(TenantId.of(parent));
            } catch (InvalidTenantIdException e) {
                throw d.failure("parent", "tenant '" + id + "' names an invalid parent id: " + e.getMessage(),
                        "Set " + d.place().field(d.key(), "parent") + " to the id of a declared tenant.", e);
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

    /** Core's finding, at the property or catalog entry of the tenant it names. */
    private static InvalidTenantPropertyException translate(TenantDeclarationException e, List<Declared> declared) {
        List<TenantId> involved = e.tenants();
        String id = involved.get(0).value();
        List<Declared> matching = declared.stream().filter(d -> d.key().equals(id)).toList();
        Declared at = matching.get(matching.size() - 1);
        return switch (e.kind()) {
            case DUPLICATE_ID -> at.failure(null, "tenant '" + id + "' is declared twice, also as " + matching.get(0).place().tenant(id),
                    "Declare each tenant in one place: remove one of the two declarations.", e);
            case UNDECLARED_PARENT -> at.failure("parent", "tenant '" + id + "' names parent '" + involved.get(1) + "', which is not declared",
                    "Declare " + at.place().tenant(involved.get(1).value()) + " (status: inactive if it is only a region or group) "
                            + "or fix the parent of '" + id + "'.", e);
            case SELF_PARENT -> at.failure("parent", "tenant '" + id + "' names itself as its parent",
                    "Set " + at.place().field(id, "parent") + " to another tenant (a region or group) or remove it.", e);
            case PARENT_CYCLE -> at.failure("parent", "tenant parents form a cycle: "
                    + String.join(" -> ", involved.stream().map(TenantId::value).toList()),
                    "Set the parent of one of these tenants to a tenant outside the cycle, or remove it.", e);
            case BLANK_NAME -> at.failure("name", "the name of tenant '" + id + "' is blank",
                    "Give tenant '" + id + "' a name or remove the property (the id is used then).", e);
        };
    }
}
