package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the processor generates from the properties' javadoc, as IDEs show it:
 * plain sentences, no javadoc tags.
 */
class ConfigurationMetadataTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    @Test
    void everyTenantKitPropertyHasAPlainSentenceForDescription() throws IOException {
        List<Map<String, Object>> properties = JsonPath.read(Files.readString(METADATA), "$.properties[?(@.name =~ /tenantkit\\..*/)]");

        assertThat(properties).isNotEmpty().allSatisfy(property -> assertThat((String) property.get("description"))
                .as("description of %s", property.get("name"))
                .isNotBlank().doesNotContain("{@", "<").matches("[A-Z].*\\.$"));
    }
}
