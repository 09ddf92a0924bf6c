package io.tenantkit.spring.autoconfigure;

import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantFile;
import io.tenantkit.spring.config.TenantFileOrigin;
import io.tenantkit.spring.autoconfigure.TenantDeclarations.Declared;
import io.tenantkit.spring.autoconfigure.TenantKitProperties.TenantDeclaration;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Combines the tenants declared by modules (the {@code tenant:} block of their {@code tenants/<id>/tenant.yml})
 * with those the application declares ({@code tenantkit.tenants.*}, {@code tenantkit.catalog}). The rule: a
 * tenant only a module declares is declared as the module says; a tenant the application declares too takes
 * every field the application writes, and the module's value of the others (attributes are combined, the
 * application's winning; a {@code status} the application does not write is the module's, not the default). Two modules that declare one tenant differently fail earlier, in
 * {@link io.tenantkit.spring.config.ModuleTenantFiles}.
 */
final class ModuleDeclarations {

    private static final List<String> FIELDS = List.of("name", "parent", "locale", "currency", "time-zone", "status");

    private ModuleDeclarations() {
    }

    /** {@code application}'s tenants combined with the modules' by the rule above: application tenants first, in order. */
    static List<Declared> combine(List<Declared> application, Map<TenantId, TenantFile> modules, Environment environment) {
        List<Declared> combined = new ArrayList<>(application.size() + modules.size());
        Map<String, Declared> fromModules = new LinkedHashMap<>();
        modules.forEach((id, file) -> {
            if (!file.declaration().isEmpty()) {
                fromModules.put(id.value(), declared(file));
            }
        });
        for (Declared app : application) {
            Declared module = fromModules.remove(app.key());
            combined.add(module == null ? app : override(module, app, environment));
        }
        combined.addAll(fromModules.values());
        return combined;
    }

    private static Declared declared(TenantFile file) {
        Map<String, ConfigValue> values = file.declaration();
        Map<String, String> flat = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Place place = new Place(file);
        values.forEach((key, value) -> {
            if (key.startsWith("attributes.")) {
                attributes.put(key.substring("attributes.".length()), value.value());
            } else if (FIELDS.contains(key)) {
                flat.put(key, value.value());
            } else {
                throw new InvalidTenantPropertyException(place.field(file.tenant().value(), key),
                        "'" + key + "' is not a tenant value", "Use only " + String.join(", ", FIELDS) + " and attributes.<name> in the "
                                + "tenant: block; every other key belongs outside it, as configuration.", place.origin(key), null);
            }
        });
        TenantDeclaration declaration;
        try {
            declaration = new Binder(new MapConfigurationPropertySource(flat)).bindOrCreate("", TenantDeclaration.class);
        } catch (BindException e) {
            String field = e.getProperty() == null ? null : e.getProperty().getName().toString();
            throw new InvalidTenantPropertyException(place.field(file.tenant().value(), field == null ? "?" : field),
                    "'" + (e.getProperty() == null ? "" : e.getProperty().getValue()) + "' cannot be used: "
                            + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()),
                    "Use an ISO 4217 currency code (JPY), a time zone id (Asia/Tokyo), a language tag (ja-JP) and "
                            + "active, suspended or inactive as status.", field == null ? null : place.origin(field), e);
        }
        return new Declared(file.tenant().value(), declaration, attributes, place);
    }

    private static Declared override(Declared module, Declared app, Environment environment) {
        TenantDeclaration m = module.declaration();
        TenantDeclaration a = app.declaration();
        // status has a default (active): it overrides the module's only where the application writes it.
        boolean statusSet = app.place() == TenantDeclarations.PROPERTIES
                ? environment.containsProperty(TenantDeclarations.PREFIX + "." + app.key() + ".status")
                : app.place().writes("status");
        TenantStatus status = statusSet ? a.status() : m.status();
        Map<String, String> attributes = new LinkedHashMap<>(module.attributes());
        attributes.putAll(app.attributes());
        return new Declared(app.key(), new TenantDeclaration(first(a.name(), m.name()), first(a.parent(), m.parent()),
                first(a.locale(), m.locale()), first(a.currency(), m.currency()), first(a.timeZone(), m.timeZone()), status),
                attributes, app.place());
    }

    private static <V> @Nullable V first(@Nullable V application, @Nullable V module) {
        return application != null ? application : module;
    }

    /** A module's tenant file: names the file and knows the line of each value. */
    private record Place(TenantFile file) implements TenantDeclarations.Place {

        @Override
        public String tenant(String key) {
            return file.location() + " tenant";
        }

        @Override
        public String field(String key, String field) {
            return file.location() + " tenant." + field;
        }

        @Override
        public @Nullable Origin origin(@Nullable String field) {
            ConfigValue value = field == null ? null : file.declaration().get(field);
            if (value == null && !file.declaration().isEmpty()) {
                value = file.declaration().values().iterator().next();
            }
            return value == null ? null : new TenantFileOrigin(value.origin());
        }
    }
}
