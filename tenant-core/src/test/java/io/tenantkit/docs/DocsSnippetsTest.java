package io.tenantkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the docs honest: a code block preceded by {@code <!-- snippet: path#tag -->} in any
 * {@code docs/*.md} must equal the lines between {@code tag::tag[]} and {@code end::tag[]} in that
 * source file (relative to the repository root), indentation removed.
 */
class DocsSnippetsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everySnippetInTheDocsMatchesCompiledCode() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher m = SNIPPET.matcher(Files.readString(doc));
                while (m.find()) {
                    String expected = region(ROOT.resolve(m.group(1)), m.group(2));
                    assertThat(m.group(3)).as("snippet %s#%s in %s", m.group(1), m.group(2), doc.getFileName())
                            .isEqualTo(expected);
                    checked.add(m.group(2));
                }
            }
        }
        assertThat(checked).as("snippets found in docs/").contains("enter", "executors", "dont");
    }

    static String region(Path source, String tag) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (lines.get(i).trim().equals("// end::" + tag + "[]")) {
                end = i;
            }
        }
        assertThat(start).as("tag %s in %s", tag, source).isPositive();
        assertThat(end).as("end of tag %s in %s", tag, source).isGreaterThanOrEqualTo(start);
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : region) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
