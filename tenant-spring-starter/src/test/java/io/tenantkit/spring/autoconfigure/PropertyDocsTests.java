package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;

/**
 * The property tables of docs/*.md against the configuration metadata the processor generates: every
 * documented property exists, every property is documented, and a documented default is the real one.
 * A row documents a property when its first cell is the name in backticks; a name with a {@code <key>}
 * segment ({@code tenantkit.tenants.<id>.name}) documents the map property before it ({@code tenantkit.tenants}).
 */
class PropertyDocsTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path DOCS = Path.of("../docs");
    private static final Pattern ROW = Pattern.compile("^\\| `(tenantkit\\.[^`]+)` \\| ([^|]*) \\|");

    @Test
    void everyDocumentedPropertyExistsAndEveryPropertyIsDocumented() throws IOException {
        Map<String, String> documented = documentedDefaults();
        Map<String, Object> metadata = metadataDefaults();

        assertThat(documented.keySet()).as("properties documented in docs/*.md but not in the metadata")
                .isSubsetOf(metadata.keySet());
        assertThat(metadata.keySet()).as("properties in the metadata that docs/*.md does not document")
                .isSubsetOf(documented.keySet());
    }

    @Test
    void documentedDefaultsAreTheRealOnes() throws IOException {
        Map<String, String> documented = documentedDefaults();
        metadataDefaults().forEach((name, value) -> {
            if (value != null && documented.containsKey(name)) {
                assertThat(documented.get(name)).as("documented default of %s", name).contains("`" + shown(value) + "`");
            }
        });
    }

    /** A default as the docs show it; the processor writes a list default as the text "[a, b]". */
    private static String shown(Object value) {
        String text = value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    }

    /** The documented properties with the text of their default cell; a map's first row wins. */
    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(DOCS)) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path page : pages) {
            boolean propertyTable = false;
            String previous = "";
            for (String line : Files.readAllLines(page)) {
                if (line.startsWith("|") && !previous.startsWith("|")) {
                    // A table's header row: only tables headed "property" list properties (others list metrics, ...).
                    propertyTable = line.startsWith("| property |");
                }
                previous = line;
                Matcher row = ROW.matcher(line);
                if (propertyTable && row.find()) {
                    documented.putIfAbsent(propertyOf(row.group(1)), row.group(2).trim());
                }
            }
        }
        assertThat(pages).as("docs pages").isNotEmpty();
        return documented;
    }

    private static String propertyOf(String documentedName) {
        int key = documentedName.indexOf(".<");
        return key < 0 ? documentedName : documentedName.substring(0, key);
    }

    private static Map<String, Object> metadataDefaults() throws IOException {
        // All properties, filtered here: a JsonPath filter returns list values as text.
        List<Map<String, Object>> properties = JsonPath.read(Files.readString(METADATA), "$.properties");
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Map<String, Object> property : properties) {
            String name = (String) property.get("name");
            if (name.startsWith("tenantkit.")) {
                defaults.put(name, property.get("defaultValue"));
            }
        }
        assertThat(defaults).as("tenantkit properties in the metadata").isNotEmpty();
        return defaults;
    }
}
