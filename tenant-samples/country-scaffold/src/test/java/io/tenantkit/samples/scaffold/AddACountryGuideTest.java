package io.tenantkit.samples.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Keeps docs/add-a-country.md honest: its command is the one the scaffold prints, each block marked
 * {@code <!-- generated: path -->} is exactly what the scaffold writes to that path for {@code fr}.
 */
class AddACountryGuideTest {

    private static final Path GUIDE = Path.of(System.getProperty("tenantkit.root", "../.."), "docs/add-a-country.md");
    private static final Pattern GENERATED = Pattern.compile("<!-- generated: (\\S+) -->\\s*\\n```\\w+\\n(.*?)```", Pattern.DOTALL);

    private static final Country FR = Country.of(Map.of("tenant", "fr", "name", "France", "locale", "fr-FR",
            "currency", "EUR", "time-zone", "Europe/Paris"));

    @Test
    void theGuideShowsTheCommandTheScaffoldNames() throws IOException {
        assertThat(Files.readString(GUIDE)).contains("```bash\n" + Country.COMMAND + "\n```");
    }

    @Test
    void everyGeneratedBlockIsWhatTheScaffoldWrites() throws IOException {
        Map<String, String> files = new ModuleFiles(FR, "0.1.0-SNAPSHOT").all();
        Matcher blocks = GENERATED.matcher(Files.readString(GUIDE));
        List<String> checked = new ArrayList<>();
        while (blocks.find()) {
            assertThat(blocks.group(2)).as("the block of %s in %s", blocks.group(1), GUIDE).isEqualTo(files.get(blocks.group(1)));
            checked.add(blocks.group(1));
        }
        assertThat(checked).as("generated blocks in %s", GUIDE).hasSize(3);
    }
}
