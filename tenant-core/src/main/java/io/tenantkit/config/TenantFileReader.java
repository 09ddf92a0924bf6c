package io.tenantkit.config;

import io.tenantkit.tenant.TenantId;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a tenant file ({@code tenants/<id>/tenant.yml}, an operator's {@code <id>.yml}) into a
 * {@link TenantFile}: nested maps become dotted keys and lists indexed keys ({@code channels[0]}), as in Spring
 * Boot's YAML support, each value with its line. Values stay text (no implicit typing: {@code no} is the text
 * {@code no}); conversion is the binder's job. Only plain YAML is read (no tags, no objects).
 */
public final class TenantFileReader {

    /** The block of a tenant file that declares the tenant. */
    public static final String DECLARATION = "tenant";

    private final TenantId tenant;
    private final String location;
    private final String layer;
    private final Map<String, ConfigValue> declaration = new LinkedHashMap<>();
    private final Map<String, ConfigValue> configuration = new LinkedHashMap<>();

    private TenantFileReader(TenantId tenant, String location, String layer) {
        this.tenant = tenant;
        this.location = location;
        this.layer = layer;
    }

    /**
     * Reads {@code in}; the caller closes it.
     *
     * @param tenant whose file it is
     * @param location the file, as shown in origins and messages
     * @param layer the layer ({@link ConfigOrigin#MODULE}, {@link ConfigOrigin#OPERATOR})
     * @throws TenantConfigException if the file is not YAML, or not a map of keys at its top
     */
    public static TenantFile read(TenantId tenant, String location, String layer, Reader in) {
        TenantFileReader reader = new TenantFileReader(tenant, location, layer);
        Node root;
        try {
            root = yaml().compose(in);
        } catch (YAMLException e) {
            throw reader.problem(null, 0, "the file is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "));
        }
        if (root != null && !isEmpty(root)) {
            if (!(root instanceof MappingNode map)) {
                throw reader.problem(null, line(root), "the file is not a map of keys");
            }
            for (NodeTuple entry : map.getValue()) {
                String key = reader.key(entry.getKeyNode(), "");
                Map<String, ConfigValue> target = key.equals(DECLARATION) ? reader.declaration : reader.configuration;
                reader.flatten(key.equals(DECLARATION) ? "" : key, entry.getValueNode(), target);
            }
        }
        return new TenantFile(tenant, location, reader.declaration, reader.configuration);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // Every value stays text: the binder converts it to the property's type.
            }
        });
    }

    private void flatten(String prefix, Node node, Map<String, ConfigValue> target) {
        if (node instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                String key = key(entry.getKeyNode(), prefix);
                flatten(prefix.isEmpty() ? key : prefix + "." + key, entry.getValueNode(), target);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                flatten(prefix + "[" + i + "]", items.get(i), target);
            }
        } else if (!prefix.isEmpty()) {
            ConfigValue earlier = target.put(prefix, new ConfigValue(prefix, ((ScalarNode) node).getValue(),
                    new ConfigOrigin(layer, tenant.value(), location, line(node))));
            if (earlier != null) {
                throw problem(prefix, line(node), "the key is written twice, also on line " + earlier.origin().line());
            }
        }
    }

    private String key(Node node, String parent) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue();
        }
        throw problem(parent.isEmpty() ? null : parent, line(node), "a key is not plain text");
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode scalar && scalar.getValue().isEmpty();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private TenantConfigException problem(@org.jspecify.annotations.Nullable String key, int line, String reason) {
        return new TenantConfigException(new TenantConfigException.Problem(tenant.value(), key,
                new ConfigOrigin(layer, tenant.value(), location, line), reason));
    }
}
