package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Tenants declared in the {@code tenantkit.catalog} file, beside or instead of {@code tenantkit.tenants.*}. */
class TenantCatalogTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void catalogTenantsJoinThoseOfTheProperties() throws IOException {
        String catalog = write("""
                apac: { name: Asia-Pacific, status: inactive }
                jp:
                  name: Japan
                  parent: apac
                  locale: ja-JP
                  currency: JPY
                  time-zone: Asia/Tokyo
                  attributes: { plan: enterprise, since: 2019 }
                """);
        runner.withPropertyValues("tenantkit.tenants.us.name=United States", "tenantkit.catalog=" + catalog).run(context -> {
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            assertThat(registry.all()).extracting(t -> t.id().value()).containsExactly("us", "apac", "jp");
            Tenant jp = registry.require(TenantId.of("jp"));
            assertThat(jp.name()).isEqualTo("Japan");
            assertThat(jp.parent()).contains(TenantId.of("apac"));
            assertThat(jp.locale()).isEqualTo(Locale.JAPAN);
            assertThat(jp.currency()).contains(Currency.getInstance("JPY"));
            assertThat(jp.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
            assertThat(jp.attributes()).containsEntry("plan", "enterprise").containsEntry("since", "2019");
            assertThat(registry.require(TenantId.of("apac")).status()).isEqualTo(TenantStatus.INACTIVE);
        });
    }

    @Test
    void everyValueIsReadAsTextSoNorwayStaysNo() throws IOException {
        // YAML 1.1 would read the key no as false and 0755 as the number 493.
        String catalog = write("""
                no: { name: Norway, currency: NOK, attributes: { code: 0755, vat: yes } }
                """);
        runner.withPropertyValues("tenantkit.catalog=" + catalog).run(context -> {
            Tenant norway = context.getBean(TenantRegistry.class).require(TenantId.of("no"));
            assertThat(norway.name()).isEqualTo("Norway");
            assertThat(norway.attributes()).containsEntry("code", "0755").containsEntry("vat", "yes");
        });
    }

    @Test
    void aCatalogTenantMayHaveAParentDeclaredInTheProperties() throws IOException {
        String catalog = write("jp: { parent: apac }\n");
        runner.withPropertyValues("tenantkit.tenants.apac.status=inactive", "tenantkit.catalog=" + catalog)
                .run(context -> assertThat(context.getBean(TenantRegistry.class).snapshot().lineage(TenantId.of("jp")))
                        .extracting(t -> t.id().value()).containsExactly("jp", "apac"));
    }

    @Test
    void anUnknownValueFailsStartupNamingTheEntryAndTheValuesAllowed() throws IOException {
        String catalog = write("jp: { time_zone: Asia/Tokyo }\n");
        assertFailure(catalog, "Invalid property tenantkit.catalog " + catalog + ": jp.time_zone: 'time_zone' is not a tenant "
                + "value. Use only name, parent, locale, currency, time-zone, status, attributes.");
    }

    @Test
    void wrongValuesFailStartupNamingTheEntry() throws IOException {
        assertFailure(write("jp: { currency: YEN }\n"), "jp.currency: 'YEN' is not an ISO 4217 currency code");
        assertFailure(write("jp: { time-zone: Mars/Olympus }\n"), "jp.time-zone: 'Mars/Olympus' is not a time zone");
        assertFailure(write("jp: { status: closed }\n"), "jp.status: 'closed' is not a tenant status. Use active, suspended or inactive.");
        assertFailure(write("jp: { name: [a, b] }\n"), "jp.name: the value is a list, not text");
        assertFailure(write("JP: { name: Japan }\n"), ": \"JP\": Invalid tenant id \"JP\"");
        assertFailure(write("jp: { parent: apac }\n"), "jp.parent: tenant 'jp' names parent 'apac', which is not declared");
    }

    @Test
    void aTenantDeclaredInTheCatalogAndInThePropertiesFailsStartupNamingBoth() throws IOException {
        String catalog = write("jp: { name: Japan }\n");
        runner.withPropertyValues("tenantkit.tenants.jp.name=Japan", "tenantkit.catalog=" + catalog).run(context -> assertThat(context)
                .getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                .hasMessage("Invalid property tenantkit.catalog " + catalog + ": jp: tenant 'jp' is declared twice, also as "
                        + "tenantkit.tenants.jp. Declare each tenant in one place: remove one of the two declarations."));
    }

    @Test
    void theFailureAnalysisNamesTheLineAndColumnOfTheEntry() throws IOException {
        String catalog = write("""
                apac: { status: inactive }
                jp:
                  name: Japan
                  currency: YEN
                """);
        runner.withPropertyValues("tenantkit.catalog=" + catalog).run(context -> {
            FailureAnalysis analysis = new InvalidTenantPropertyFailureAnalyzer(null).analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("TenantKit could not start: property tenantkit.catalog " + catalog
                    + ": jp.currency (from URL [" + catalog + "] - 4:13) is invalid: 'YEN' is not an ISO 4217 currency code.");
        });
    }

    @Test
    void aCoreDeclarationErrorIsReportedAtTheLineOfTheEntry() throws IOException {
        String catalog = write("""
                jp: { name: Japan }
                us: { name: United States }
                jp: { name: Japan again }
                """);
        runner.withPropertyValues("tenantkit.catalog=" + catalog).run(context -> {
            FailureAnalysis analysis = new InvalidTenantPropertyFailureAnalyzer(null).analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("TenantKit could not start: property tenantkit.catalog " + catalog
                    + ": jp (from URL [" + catalog + "] - 3:1) is invalid: tenant 'jp' is declared twice, also as tenantkit.catalog "
                    + catalog + ": jp.");
        });
    }

    @Test
    void aMissingOrBrokenFileFailsStartupNamingTheProperty() throws IOException {
        assertFailure("file:" + dir.resolve("absent.yml"), "Invalid property tenantkit.catalog: the tenant catalog file:");
        assertFailure(write("jp: { name: Japan\n"), "Invalid property tenantkit.catalog: the tenant catalog file:");
        assertFailure(write("- jp\n- us\n"), "is not a map of tenant ids");
    }

    @Test
    void anEmptyCatalogDeclaresNoTenant() throws IOException {
        runner.withPropertyValues("tenantkit.catalog=" + write("# none yet\n"))
                .run(context -> assertThat(context.getBean(TenantRegistry.class).all()).isEmpty());
    }

    private void assertFailure(String catalog, String message) {
        runner.withPropertyValues("tenantkit.catalog=" + catalog).run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessageContaining(message));
    }

    private String write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "tenants", ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return "file:" + file;
    }
}
