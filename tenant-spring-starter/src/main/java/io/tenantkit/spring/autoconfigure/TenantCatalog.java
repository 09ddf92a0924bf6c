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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.tenantkit.spring.autoconfigure.TenantDeclarations.Declared;
import io.tenantkit.spring.autoconfigure.TenantKitProperties.TenantDeclaration;
import io.tenantkit.tenant.TenantStatus;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the tenant catalog named by {@code tenantkit.catalog}: a YAML file mapping each tenant id to the
 * values a {@code tenantkit.tenants.<id>} declaration takes, for fleets too large for the application's
 * configuration. The file is parsed once into tenants and then dropped: nothing of it stays in the
 * Spring {@code Environment}, which keeps every property it holds (with its origin and Spring Boot's
 * binding caches) for the life of the application. An error names the entry and its line and column,
 * from the YAML node marks, as Spring Boot's own YAML loader does.
 *
 * <pre>
 * apac: { name: Asia-Pacific, status: inactive }
 * jp:   { name: Japan, parent: apac, locale: ja-JP, currency: JPY, time-zone: Asia/Tokyo, attributes: { plan: enterprise } }
 * </pre>
 */
final class TenantCatalog {

    static final String PROPERTY = "tenantkit.catalog";

    private static final List<String> FIELDS = List.of("name", "parent", "locale", "currency", "time-zone", "status", "attributes");

    private final String location;
    private final Resource resource;

    private TenantCatalog(String location, Resource resource) {
        this.location = location;
        this.resource = resource;
    }

    /**
     * The tenants of the catalog at {@code location}, in file order.
     *
     * @throws InvalidTenantPropertyException if the file is missing, is not YAML, or an entry is invalid
     */
    static List<Declared> read(String location, ResourceLoader resources) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new InvalidTenantPropertyException(PROPERTY, "the tenant catalog " + location + " does not exist",
                    "Point " + PROPERTY + " at a YAML file of tenants (classpath:tenants.yml, file:/etc/app/tenants.yml), or remove it.");
        }
        Node root;
        try (InputStream in = resource.getInputStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = yaml().compose(reader);
        } catch (IOException | YAMLException e) {
            throw new InvalidTenantPropertyException(PROPERTY, "the tenant catalog " + location + " cannot be read: " + e.getMessage(),
                    "Fix the file: a YAML map of tenant ids to their values.", e);
        }
        return root == null ? List.of() : new TenantCatalog(location, resource).tenants(root);
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

    private List<Declared> tenants(Node root) {
        List<Declared> declared = new ArrayList<>();
        for (NodeTuple entry : map(root, PROPERTY, location + " is not a map of tenant ids").getValue()) {
            String key = scalar(entry.getKeyNode(), PROPERTY + " " + location);
            declared.add(declare(key, entry));
        }
        return declared;
    }

    private Declared declare(String key, NodeTuple entry) {
        Entry place = new Entry();
        place.origins.put(null, origin(entry.getKeyNode()));
        Map<String, String> values = new HashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Node valueNode = entry.getValueNode();
        List<NodeTuple> fields = isEmpty(valueNode) ? List.of() : map(valueNode, place.tenant(key), "the entry is not a map of values").getValue();
        for (NodeTuple field : fields) {
            String name = scalar(field.getKeyNode(), place.tenant(key));
            place.origins.put(name, origin(field.getValueNode()));
            if (!FIELDS.contains(name)) {
                throw fail(place.field(key, name), field.getKeyNode(), "'" + name + "' is not a tenant value",
                        "Use only " + String.join(", ", FIELDS) + ".", null);
            }
            if (name.equals("attributes")) {
                for (NodeTuple attribute : map(field.getValueNode(), place.field(key, name), "the attributes are not a map").getValue()) {
                    String attributeName = scalar(attribute.getKeyNode(), place.field(key, name));
                    attributes.put(attributeName, scalar(attribute.getValueNode(), place.field(key, name + "." + attributeName)));
                }
            } else {
                values.put(name, scalar(field.getValueNode(), place.field(key, name)));
            }
        }
        String status = values.get("status");
        TenantDeclaration declaration = new TenantDeclaration(values.get("name"), values.get("parent"),
                locale(values.get("locale")), convert(values, "currency", Currency::getInstance, key, place,
                        "is not an ISO 4217 currency code", "Use a code such as JPY, USD or EUR."),
                convert(values, "time-zone", ZoneId::of, key, place,
                        "is not a time zone", "Use a region id such as Asia/Tokyo or Europe/Berlin."),
                status == null ? TenantStatus.ACTIVE : convert(values, "status", v -> TenantStatus.valueOf(v.trim().toUpperCase(Locale.ROOT)),
                        key, place, "is not a tenant status", "Use active, suspended or inactive."));
        return new Declared(key, declaration, attributes, place);
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode scalar && scalar.getValue().isEmpty();
    }

    private String scalar(Node node, String place) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw fail(place, node, "the value is a " + (node instanceof SequenceNode ? "list" : "map") + ", not text",
                "Give a single value.", null);
    }

    private MappingNode map(Node node, String place, String problem) {
        if (node instanceof MappingNode map) {
            return map;
        }
        throw fail(place, node, problem, "Write it as a YAML map (key: value).", null);
    }

    private static @Nullable Locale locale(@Nullable String value) {
        return value == null ? null : StringUtils.parseLocale(value);
    }

    /** The {@code conversion} of {@code field}'s value, or null if not set; a value it rejects fails startup naming the entry. */
    private <V> @Nullable V convert(Map<String, String> values, String field, Function<String, V> conversion, String key,
            Entry place, String problem, String action) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        try {
            return conversion.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidTenantPropertyException(place.field(key, field), "'" + value + "' " + problem, action,
                    place.origin(field), e);
        }
    }

    private InvalidTenantPropertyException fail(String place, Node node, String problem, String action, @Nullable Throwable cause) {
        return new InvalidTenantPropertyException(place, problem, action, origin(node), cause);
    }

    private Origin origin(Node node) {
        Mark mark = node.getStartMark();
        return new TextResourceOrigin(resource, new TextResourceOrigin.Location(mark.getLine(), mark.getColumn()));
    }

    /** One entry of this catalog: names its values and knows where each is written. */
    private final class Entry implements TenantDeclarations.Place {

        /** The origin of each value by field name; of the tenant id for {@code null}. */
        final Map<@Nullable String, Origin> origins = new HashMap<>();

        @Override
        public String tenant(String id) {
            return PROPERTY + " " + location + ": " + id;
        }

        @Override
        public @Nullable Origin origin(@Nullable String field) {
            Origin origin = origins.get(field);
            return origin != null ? origin : origins.get(null);
        }

        @Override
        public boolean writes(String field) {
            return origins.containsKey(field);
        }
    }
}
