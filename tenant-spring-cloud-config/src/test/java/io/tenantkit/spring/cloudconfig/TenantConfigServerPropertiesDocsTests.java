package io.tenantkit.spring.cloudconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata generated from {@link TenantConfigServerProperties} against its guide: each property
 * has a plain sentence for IDEs, and the guide names each one with its real default.
 */
class TenantConfigServerPropertiesDocsTests {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    private static final Path GUIDE = Path.of("../docs/fleet.md");

    @Test
    void everyPropertyHasAPlainSentenceAndIsInTheGuideWithItsDefault() throws IOException {
        List<Map<String, Object>> properties = JsonPath.read(Files.readString(METADATA), "$.properties[?(@.name =~ /tenantkit\\..*/)]");
        String guide = Files.readString(GUIDE);

        assertThat(properties).hasSize(7).allSatisfy(property -> {
            assertThat((String) property.get("description")).as("description of %s", property.get("name"))
                    .isNotBlank().doesNotContain("{@", "<").matches("[A-Z].*\\.$");
            Object value = property.get("defaultValue");
            assertThat(guide).as("the guide's line on %s", property.get("name"))
                    .containsPattern("(?m)^- `" + property.get("name") + "`" + (value == null ? "" : " \\(default `" + value + "`\\)") + ": ");
        });
    }
}
