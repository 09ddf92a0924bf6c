package io.tenantkit.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.tenantkit.spring.autoconfigure.TenantDeclarations.Declared;
import io.tenantkit.spring.autoconfigure.TenantKitProperties.TenantDeclaration;
import io.tenantkit.tenant.TenantStatus;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the tenant catalog named by {@code tenantkit.catalog}: a YAML file mapping each tenant id to the
 * values a {@code tenantkit.tenants.<id>} declaration takes, for fleets too large for the application's
 * configuration. The file is parsed once into tenants and then dropped: nothing of it stays in the
 * Spring {@code Environment}, which keeps every property it holds (with its origin and Spring Boot's
 * binding caches) for the life of the application.
 *
 * <pre>
 * apac: { name: Asia-Pacific, status: inactive }
 * jp:   { name: Japan, parent: apac, locale: ja-JP, currency: JPY, time-zone: Asia/Tokyo, attributes: { plan: enterprise } }
 * </pre>
 */
final class TenantCatalog {

    static final String PROPERTY = "tenantkit.catalog";

    private static final List<String> FIELDS = List.of("name", "parent", "locale", "currency", "time-zone", "status", "attributes");

    private TenantCatalog() {
    }

    /**
     * The tenants of the catalog at {@code location}, in file order.
     *
     * @throws InvalidTenantPropertyException if the file is missing, is not YAML, or an entry is invalid
     */
    static List<Declared> read(String location, ResourceLoader resources) {
        Origin origin = new Origin(location);
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new InvalidTenantPropertyException(PROPERTY, "the tenant catalog " + location + " does not exist",
                    "Point " + PROPERTY + " at a YAML file of tenants (classpath:tenants.yml, file:/etc/app/tenants.yml), or remove it.");
        }
        Object root;
        try (InputStream in = resource.getInputStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = yaml().load(reader);
        } catch (IOException | YAMLException e) {
            throw new InvalidTenantPropertyException(PROPERTY, "the tenant catalog " + location + " cannot be read: " + e.getMessage(),
                    "Fix the file: a YAML map of tenant ids to their values.", e);
        }
        if (root == null) {
            return List.of();
        }
        List<Declared> declared = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map(root, PROPERTY, location + " is not a map of tenant ids").entrySet()) {
            String key = String.valueOf(entry.getKey());
            Map<?, ?> values = entry.getValue() == null ? Map.of() : map(entry.getValue(), origin.tenant(key), "the entry is not a map of values");
            declared.add(declare(key, values, origin));
        }
        return declared;
    }

    /**
     * A YAML parser that takes every scalar as text: without implicit resolvers {@code no} (Norway) stays
     * {@code "no"} instead of becoming {@code false}, and {@code 0755} stays {@code "0755"}.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver() {
            @Override
            protected void addImplicitResolvers() {
            }
        });
    }

    private static Declared declare(String key, Map<?, ?> values, Origin origin) {
        for (Object field : values.keySet()) {
            if (!FIELDS.contains(String.valueOf(field))) {
                throw new InvalidTenantPropertyException(origin.field(key, String.valueOf(field)), "'" + field + "' is not a tenant value",
                        "Use only " + String.join(", ", FIELDS) + ".");
            }
        }
        String status = text(values, "status", key, origin);
        TenantDeclaration declaration = new TenantDeclaration(text(values, "name", key, origin), text(values, "parent", key, origin),
                locale(text(values, "locale", key, origin)), currency(text(values, "currency", key, origin), key, origin),
                zone(text(values, "time-zone", key, origin), key, origin),
                status == null ? TenantStatus.ACTIVE : status(status, key, origin));
        Map<String, String> attributes = new LinkedHashMap<>();
        Object raw = values.get("attributes");
        if (raw != null) {
            map(raw, origin.field(key, "attributes"), "the attributes are not a map").forEach((name, value) -> attributes.put(
                    String.valueOf(name), scalar(value, origin.field(key, "attributes." + name))));
        }
        return new Declared(key, declaration, attributes, origin);
    }

    private static @Nullable String text(Map<?, ?> values, String field, String key, Origin origin) {
        Object value = values.get(field);
        return value == null ? null : scalar(value, origin.field(key, field));
    }

    private static String scalar(@Nullable Object value, String place) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidTenantPropertyException(place, "the value is a " + (value instanceof Map ? "map" : "list") + ", not text",
                    "Give a single value.");
        }
        return String.valueOf(value);
    }

    private static Map<?, ?> map(Object value, String place, String problem) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidTenantPropertyException(place, problem, "Write it as a YAML map (key: value).");
        }
        return map;
    }

    private static @Nullable Locale locale(@Nullable String value) {
        return value == null ? null : StringUtils.parseLocale(value);
    }

    private static @Nullable Currency currency(@Nullable String value, String key, Origin origin) {
        return value == null ? null : convert(value, Currency::getInstance, origin.field(key, "currency"),
                "is not an ISO 4217 currency code", "Use a code such as JPY, USD or EUR.");
    }

    private static @Nullable ZoneId zone(@Nullable String value, String key, Origin origin) {
        return value == null ? null : convert(value, ZoneId::of, origin.field(key, "time-zone"),
                "is not a time zone", "Use a region id such as Asia/Tokyo or Europe/Berlin.");
    }

    private static TenantStatus status(String value, String key, Origin origin) {
        return convert(value, v -> TenantStatus.valueOf(v.trim().toUpperCase(Locale.ROOT)), origin.field(key, "status"),
                "is not a tenant status", "Use active, suspended or inactive.");
    }

    /** {@code conversion} of {@code value}; a value it rejects fails startup naming {@code place}. */
    private static <V> V convert(String value, Function<String, V> conversion, String place, String problem, String action) {
        try {
            return conversion.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidTenantPropertyException(place, "'" + value + "' " + problem, action, e);
        }
    }

    /** Names entries of one catalog file. */
    private record Origin(String location) implements TenantDeclarations.Origin {

        @Override
        public String tenant(String key) {
            return PROPERTY + " " + location + ": " + key;
        }
    }
}
