package io.tenantkit.samples.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.tenantkit.config.TenantFile;
import io.tenantkit.config.TenantFileReader;
import io.tenantkit.tenant.TenantId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountryScaffoldTest {

    private static final String PARENT_POM = """
            <project>
              <modules>
                <module>marketplace-app</module>
                <module>site-jp</module>
              </modules>
            </project>
            """;

    @TempDir
    Path samples;

    private static Country country(String id, String name, String region) {
        Map<String, String> inputs = new HashMap<>(Map.of("tenant", id, "name", name, "locale", "fr-FR", "currency", "EUR",
                "time-zone", "Europe/Paris"));
        if (region != null) {
            inputs.put("region", region);
        }
        return Country.of(inputs);
    }

    private Map<String, String> declaration(String id) throws IOException {
        Path file = samples.resolve("site-" + id + "/src/main/resources/tenants/" + id + "/tenant.yml");
        TenantFile read = TenantFileReader.read(TenantId.of(id), file.toString(), "module",
                new StringReader(Files.readString(file)));
        Map<String, String> values = new HashMap<>();
        read.declaration().forEach((key, value) -> values.put(key, value.value()));
        assertThat(read.configuration()).isEmpty();
        return values;
    }

    @Test
    void theModuleGetsEveryFileAndIsListedInTheParentPom() throws IOException {
        Files.writeString(samples.resolve("pom.xml"), PARENT_POM);

        String report = CountryScaffold.generate(country("fr", "France", null), samples, "0.1.0-SNAPSHOT");

        Path module = samples.resolve("site-fr");
        try (Stream<Path> files = Files.walk(module)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> module.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("pom.xml",
                            "src/main/java/io/tenantkit/samples/site/fr/package-info.java",
                            "src/main/java/io/tenantkit/samples/site/fr/FrSiteModule.java",
                            "src/main/java/io/tenantkit/samples/site/fr/FrFeePolicy.java",
                            "src/main/java/io/tenantkit/samples/site/fr/FrKycPolicy.java",
                            "src/main/java/io/tenantkit/samples/site/fr/FrTaxPolicy.java",
                            "src/main/java/io/tenantkit/samples/site/fr/FrPayoutRouter.java",
                            "src/main/java/io/tenantkit/samples/site/fr/Defaults.java",
                            "src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                            "src/main/resources/tenants/fr/tenant.yml",
                            "src/main/resources/tenants/fr/messages.properties",
                            "src/test/java/io/tenantkit/samples/site/fr/FrSiteModuleTest.java");
        }
        assertThat(module.resolve("pom.xml")).content().contains("<artifactId>tenant-samples</artifactId>\n    <version>0.1.0-SNAPSHOT</version>",
                "<artifactId>site-fr</artifactId>", "<artifactId>marketplace-api</artifactId>");
        assertThat(module.resolve("src/main/java/io/tenantkit/samples/site/fr/FrSiteModule.java")).content()
                .contains("@TenantModule(\"fr\")\npublic final class FrSiteModule {", "FrFeePolicy frFeePolicy(ExtensionHandle<FeePolicy> chain)",
                        "FrKycPolicy frKycPolicy(ExtensionHandle<KycPolicy> chain)")
                .doesNotContain("FrPayoutRouter frPayoutRouter");
        assertThat(module.resolve("src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
                .hasContent("io.tenantkit.samples.site.fr.FrSiteModule");
        assertThat(declaration("fr")).containsExactlyInAnyOrderEntriesOf(Map.of("name", "France", "locale", "fr-FR",
                "currency", "EUR", "time-zone", "Europe/Paris"));
        assertThat(module.resolve("src/main/resources/tenants/fr/messages.properties")).content()
                .contains("site.greeting=Welcome to the {0} marketplace");
        assertThat(samples.resolve("pom.xml")).hasContent(PARENT_POM.replace("<module>site-jp</module>\n",
                "<module>site-jp</module>\n    <module>site-fr</module>\n"));
        assertThat(report).contains("<artifactId>site-fr</artifactId>", "./mvnw -pl tenant-samples/site-fr -am verify",
                "curl -H 'X-Tenant-Id: fr' localhost:8080/api/site", "FrPayoutRouter (optional point: not registered)");
    }

    @Test
    void aRegionAndANameThatNeedsQuotingReachTheTenantFileIntact() throws IOException {
        CountryScaffold.generate(country("ci", "Côte d'Ivoire: #1", "emea"), samples, "1");

        assertThat(declaration("ci")).containsEntry("name", "Côte d'Ivoire: #1").containsEntry("parent", "emea");
        assertThat(samples.resolve("site-ci/src/test/java/io/tenantkit/samples/site/ci/CiSiteModuleTest.java")).content()
                .contains("isEqualTo(\"C\\u00f4te d'Ivoire: #1\")");
    }

    @Test
    void anExistingModuleIsNeverOverwritten() throws IOException {
        Path existing = Files.createDirectories(samples.resolve("site-fr"));

        assertThatExceptionOfType(ScaffoldException.class)
                .isThrownBy(() -> CountryScaffold.generate(country("fr", "France", null), samples, "1"))
                .withMessage(existing + " already exists: delete it to generate it again, or choose another -Dtenant.");
        try (Stream<Path> files = Files.list(existing)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aTenantAnotherModuleShipsIsRefused() throws IOException {
        Path shipped = samples.resolve("site-france/src/main/resources/tenants/fr/tenant.yml");
        Files.createDirectories(shipped.getParent());
        Files.writeString(shipped, "tenant:\n  name: France\n");

        assertThatExceptionOfType(ScaffoldException.class)
                .isThrownBy(() -> CountryScaffold.generate(country("fr", "France", null), samples, "1"))
                .withMessage("Tenant fr is already shipped by " + shipped + ": two modules of one tenant must agree on "
                        + "every value, so extend that module instead, or choose another -Dtenant.");
        assertThat(samples.resolve("site-fr")).doesNotExist();
    }

    @Test
    void withoutAParentPomOnlyTheModuleIsWritten() {
        String report = CountryScaffold.generate(country("fr", "France", null), samples, "1");

        assertThat(samples.resolve("site-fr/pom.xml")).exists();
        assertThat(samples.resolve("pom.xml")).doesNotExist();
        assertThat(report).doesNotContain("listed in");
    }
}
