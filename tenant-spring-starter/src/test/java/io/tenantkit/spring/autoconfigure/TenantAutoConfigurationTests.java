package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class TenantAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class));

    @Test
    void registryHoldsTheTenantsDeclaredInProperties() {
        runner.withPropertyValues(
                "tenantkit.tenants.apac.status=inactive",
                "tenantkit.tenants.jp.name=Japan",
                "tenantkit.tenants.jp.parent=apac",
                "tenantkit.tenants.jp.locale=ja-JP",
                "tenantkit.tenants.jp.currency=JPY",
                "tenantkit.tenants.jp.time-zone=Asia/Tokyo",
                "tenantkit.tenants.jp.attributes.plan=gold",
                "tenantkit.tenants.de.status=suspended").run(context -> {
                    TenantRegistry registry = context.getBean(TenantRegistry.class);
                    Tenant jp = registry.require(TenantId.of("jp"));
                    assertThat(registry.all()).extracting(t -> t.id().value()).containsExactly("apac", "jp", "de");
                    assertThat(jp.name()).isEqualTo("Japan");
                    assertThat(jp.parent()).contains(TenantId.of("apac"));
                    assertThat(jp.locale()).isEqualTo(Locale.JAPAN);
                    assertThat(jp.currency()).contains(Currency.getInstance("JPY"));
                    assertThat(jp.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
                    assertThat(jp.status()).isEqualTo(TenantStatus.ACTIVE);
                    assertThat(jp.attribute("plan")).contains("gold");
                    assertThat(registry.require(TenantId.of("apac")).status()).isEqualTo(TenantStatus.INACTIVE);
                    assertThat(registry.require(TenantId.of("de")).status()).isEqualTo(TenantStatus.SUSPENDED);
                    assertThat(registry.snapshot().lineage(TenantId.of("jp"))).extracting(t -> t.id().value())
                            .containsExactly("jp", "apac");
                });
    }

    @Test
    void attributesComeFromEverySourceWithPlaceholdersResolvedAndPrecedenceKept() {
        runner.withPropertyValues(
                "tenantkit.tenants.jp.name=Japan",
                "tenantkit.tenants.jp.attributes.plan=standard",
                "tenantkit.tenants.jp.attributes.segment=${segment.default}",
                "segment.default=smb")
                .withSystemProperties("tenantkit.tenants.jp.attributes.plan=gold", "tenantkit.tenants.jp.attributes.region=kanto")
                .run(context -> {
                    Map<String, String> attributes = context.getBean(TenantRegistry.class).require(TenantId.of("jp")).attributes();
                    assertThat(attributes).containsOnlyKeys("plan", "segment", "region");
                    // The runner's own values take precedence over system properties, as in the Environment.
                    assertThat(attributes.get("plan")).isEqualTo("standard")
                            .isEqualTo(context.getEnvironment().getProperty("tenantkit.tenants.jp.attributes.plan"));
                    assertThat(attributes.get("segment")).isEqualTo("smb");
                    assertThat(attributes.get("region")).isEqualTo("kanto");
                });
    }

    @Test
    void aTenantWithOnlyAttributesIsDeclaredWithDefaults() {
        runner.withPropertyValues("tenantkit.tenants.jp.attributes.plan=gold").run(context -> {
            Tenant jp = context.getBean(TenantRegistry.class).require(TenantId.of("jp"));
            assertThat(jp.attribute("plan")).contains("gold");
            assertThat(jp.name()).isEqualTo("jp");
            assertThat(jp.status()).isEqualTo(TenantStatus.ACTIVE);
        });
    }

    @Test
    void attributesAreNotMistakenForOtherTenantProperties() {
        runner.withPropertyValues("tenantkit.tenants.jp.name=Japan", "tenantkit.tenants.jp.attributes.plan=gold",
                "other.tenants.us.attributes.plan=silver", "tenantkit.tenants.jp.locale=ja-JP").run(context -> {
                    TenantRegistry registry = context.getBean(TenantRegistry.class);
                    assertThat(registry.all()).extracting(t -> t.id().value()).containsExactly("jp");
                    assertThat(registry.require(TenantId.of("jp")).attributes()).containsOnlyKeys("plan");
                });
    }

    @Test
    void registryIsEmptyWhenNoTenantIsDeclared() {
        runner.run(context -> assertThat(context.getBean(TenantRegistry.class).all()).isEmpty());
    }

    @Test
    void disabledByProperty() {
        runner.withPropertyValues("tenantkit.enabled=false", "tenantkit.tenants.jp.name=Japan")
                .run(context -> assertThat(context).doesNotHaveBean(TenantRegistry.class));
    }

    @Test
    void backsOffToTheApplicationsRegistry() {
        runner.withUserConfiguration(OwnRegistry.class).withPropertyValues("tenantkit.tenants.jp.name=Japan")
                .run(context -> assertThat(context.getBean(TenantRegistry.class).all()).extracting(t -> t.id().value())
                        .containsExactly("own"));
    }

    @Test
    void buildsTheRegistryFromTheApplicationsSnapshot() {
        runner.withUserConfiguration(OwnSnapshot.class)
                .run(context -> assertThat(context.getBean(TenantRegistry.class).all()).extracting(t -> t.id().value())
                        .containsExactly("snap"));
    }

    @Test
    void tenantsDeclaredBothInPropertiesAndBySnapshotFailStartup() {
        runner.withUserConfiguration(OwnSnapshot.class).withPropertyValues("tenantkit.tenants.jp.name=Japan")
                .run(context -> assertThat(context).getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                        .isInstanceOf(InvalidTenantPropertyException.class)
                        .hasMessageContaining("tenantkit.tenants")
                        .hasMessageContaining("both in tenantkit.tenants.* or tenantkit.catalog [jp] and by a TenantSnapshot bean"));
    }

    @Test
    void invalidCurrencyFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.tenants.jp.currency=YEN")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'tenantkit.tenants.jp.currency'"));
    }

    @Test
    void invalidTimeZoneFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.tenants.jp.time-zone=Mars/Olympus")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'tenantkit.tenants.jp.time-zone'"));
    }

    @Test
    void invalidStatusFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.tenants.jp.status=closed")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'tenantkit.tenants.jp.status'"));
    }

    @Test
    void undeclaredParentFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.tenants.jp.parent=apac").run(context -> {
            assertThat(context).getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).isInstanceOf(InvalidTenantPropertyException.class)
                    .hasMessage("Invalid property tenantkit.tenants.jp.parent: tenant 'jp' names parent 'apac', which is not "
                            + "declared. Declare tenantkit.tenants.apac (status: inactive if it is only a region or group) "
                            + "or fix the parent of 'jp'.");
        });
    }

    @Test
    void malformedParentFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.tenants.jp.parent=APAC").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessageStartingWith("Invalid property tenantkit.tenants.jp.parent: tenant 'jp' names an invalid parent id"));
    }

    @Test
    void selfParentFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.tenants.jp.parent=jp").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessage("Invalid property tenantkit.tenants.jp.parent: tenant 'jp' names itself as its parent. "
                        + "Set tenantkit.tenants.jp.parent to another tenant (a region or group) or remove it."));
    }

    @Test
    void parentCycleFailsStartup() {
        runner.withPropertyValues("tenantkit.tenants.a.parent=b", "tenantkit.tenants.b.parent=a").run(context -> assertThat(context)
                .getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).isInstanceOf(InvalidTenantPropertyException.class)
                .hasMessage("Invalid property tenantkit.tenants.a.parent: tenant parents form a cycle: a -> b -> a. "
                        + "Set the parent of one of these tenants to a tenant outside the cycle, or remove it."));
    }

    @Test
    void malformedTenantIdFailsStartupNamingIt() {
        runner.withPropertyValues("tenantkit.tenants[j_p!].name=Bad").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).isInstanceOf(InvalidTenantPropertyException.class)
                .hasMessageStartingWith("Invalid property tenantkit.tenants[\"j_p!\"]: Invalid tenant id \"j_p!\": it contains '!'"));
    }

    @Test
    void upperCaseTenantIdIsNotLowerCasedButRejected() {
        runner.withPropertyValues("tenantkit.tenants.JP.name=Japan").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                .hasMessageStartingWith("Invalid property tenantkit.tenants[\"JP\"]: Invalid tenant id \"JP\": it starts with 'J'"));
    }

    @Test
    void blankNameFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.tenants.jp.name= ").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessage("Invalid property "
                        + "tenantkit.tenants.jp.name: the name of tenant 'jp' is blank. Give tenant 'jp' a name or remove the property "
                        + "(the id is used then)."));
    }

    @Test
    void failureAnalyzerReportsPropertyProblemAndFix() {
        InvalidTenantPropertyException failure = new InvalidTenantPropertyException("tenantkit.tenants.jp.parent",
                "tenant 'jp' names parent 'apac', which is not declared", "Declare tenantkit.tenants.apac.");

        FailureAnalysis analysis = new InvalidTenantPropertyFailureAnalyzer(new StandardEnvironment()).analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("TenantKit could not start: property tenantkit.tenants.jp.parent is "
                + "invalid: tenant 'jp' names parent 'apac', which is not declared.");
        assertThat(analysis.getAction()).isEqualTo("Declare tenantkit.tenants.apac.");
    }

    @Test
    void failureAnalysisNamesTheFileAndLineOfTheProperty(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("application.yml");

        assertThat(analysisOfStartupWith(file, """
                tenantkit:
                  tenants:
                    jp:
                      name: Japan
                      parent: apac
                """).getDescription()).isEqualTo("TenantKit could not start: property tenantkit.tenants.jp.parent "
                + "(from file [" + file + "] - 5:15) is invalid: tenant 'jp' names parent 'apac', which is not declared.");
    }

    @Test
    void failureAnalysisOfAWholeTenantNamesWhereItsFirstPropertyIsWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("application.yml");

        assertThat(analysisOfStartupWith(file, """
                tenantkit:
                  tenants:
                    JP:
                      name: Japan
                """).getDescription()).startsWith("TenantKit could not start: property tenantkit.tenants[\"JP\"] "
                + "(from file [" + file + "] - 4:13) is invalid: Invalid tenant id \"JP\"");
    }

    /** The failure analysis of starting with {@code yaml} written to {@code file} as the configuration. */
    private static FailureAnalysis analysisOfStartupWith(Path file, String yaml) throws IOException {
        Files.writeString(file, yaml);
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new FileSystemResource(file))
                .forEach(environment.getPropertySources()::addFirst);
        AtomicReference<FailureAnalysis> analysis = new AtomicReference<>();
        new ApplicationContextRunner().withInitializer(context -> context.setEnvironment(environment))
                .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class))
                .run(context -> analysis.set(new InvalidTenantPropertyFailureAnalyzer(environment).analyze(context.getStartupFailure())));
        return analysis.get();
    }

    /** The {@link InvalidTenantPropertyException} in the cause chain of a startup failure. */
    static Throwable propertyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidTenantPropertyException) {
                return t;
            }
        }
        throw new AssertionError("No InvalidTenantPropertyException in the causes of " + failure, failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        TenantRegistry ownRegistry() {
            return TenantRegistry.of(Tenant.builder("own").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSnapshot {
        @Bean
        TenantSnapshot ownSnapshot() {
            return TenantSnapshot.of(Tenant.builder("snap").build());
        }
    }
}
