package io.tenantkit.spring.cloudconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.spring.autoconfigure.TenantAutoConfiguration;
import io.tenantkit.spring.autoconfigure.TenantConfigAutoConfiguration;
import io.tenantkit.spring.config.EnableTenantConfigurationProperties;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.config.TenantConfigurationBinder;
import io.tenantkit.spring.config.TenantConfigurationChangedEvent;
import io.tenantkit.spring.config.TenantConfigurationProperties;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.cloud.config.server.EnableConfigServer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The adapter against a real Spring Cloud Config Server, started in this JVM on a random port with its native
 * (file-system) backend over a temporary directory. The client side runs with every Spring Cloud class hidden from
 * its class loader: it speaks HTTP and needs none.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigServerTenantSourceIntegrationTests {

    static final TenantId JP = TenantId.of("jp");
    static final TenantId US = TenantId.of("us");
    static final TenantId DE = TenantId.of("de");

    @TempDir
    static Path repository;

    static ConfigurableApplicationContext server;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigServer
    static class ConfigServer {
    }

    @BeforeAll
    static void startConfigServer() {
        server = new SpringApplicationBuilder(ConfigServer.class).properties("server.port=0", "spring.profiles.active=native",
                "spring.cloud.config.server.native.search-locations=file:" + repository + "/", "spring.main.banner-mode=off",
                "tenantkit.enabled=false", "spring.application.name=config-server").run();
    }

    @AfterAll
    static void stopConfigServer() {
        server.close();
    }

    @TenantConfigurationProperties("marketplace.fees")
    record Fees(@DecimalMax("0.5") BigDecimal rate, @Positive long payoutLimit) {
    }

    @TenantConfigurationProperties("pair")
    record Pair(int a, int b) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTenantConfigurationProperties({Fees.class, Pair.class})
    static class App {
    }

    ApplicationContextRunner runner;

    @BeforeEach
    void documents() throws IOException {
        try (var files = Files.walk(repository)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                if (!file.equals(repository)) {
                    Files.delete(file);
                }
            }
        }
        // Shared by every profile: never a tenant's layer.
        write("application.yml", "marketplace.fees.rate: 0.31\n");
        write("tenants.yml", "marketplace.fees.payout-limit: 31\n");
        write("tenants-jp.yml", """
                marketplace:
                  fees:
                    rate: 0.08
                    payout-limit: 2000
                features:
                  instant-payout: true
                """);
        write("tenants-us.yml", "marketplace.fees.rate: 0.07\n");
        runner = new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("org.springframework.cloud"))
                .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantConfigAutoConfiguration.class,
                        TenantConfigServerAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(App.class)
                .withPropertyValues("tenantkit.tenants.jp.name=Japan", "tenantkit.tenants.us.name=USA", "tenantkit.tenants.de.name=Germany",
                        "marketplace.fees.rate=0.05", "marketplace.fees.payout-limit=1000", "pair.a=0", "pair.b=0",
                        "tenantkit.config.server.uri=http://localhost:" + server.getEnvironment().getProperty("local.server.port"),
                        // Generous: the server builds a Spring environment per request, on a shared, busy machine.
                        "tenantkit.config.server.interval=0", "tenantkit.config.server.timeout=2m");
    }

    static void write(String name, String text) throws IOException {
        Files.writeString(repository.resolve(name), text);
    }

    static <T> TenantConfiguration<T> handle(ConfigurableApplicationContext context, Class<T> type) {
        return context.getBean(TenantConfigurationBinder.class).handle(type);
    }

    @Test
    void eachTenantIsBoundFromItsOwnDocumentAndNeverFromTheSharedOnes() {
        runner.run(context -> {
            TenantConfiguration<Fees> fees = handle(context, Fees.class);
            assertThat(fees.of(JP)).isEqualTo(new Fees(new BigDecimal("0.08"), 2000));
            assertThat(fees.of(US)).isEqualTo(new Fees(new BigDecimal("0.07"), 1000));
            assertThat(fees.of(DE)).isEqualTo(new Fees(new BigDecimal("0.05"), 1000));
            TenantConfigStore store = context.getBean(TenantConfigStore.class);
            assertThat(store.generation().isOn(JP, "instant-payout")).isTrue();
            assertThat(store.generation().isOn(US, "instant-payout")).isFalse();
            assertThat(context.getEnvironment().getProperty("marketplace.fees.rate")).isEqualTo("0.05");
        });
    }

    @Test
    void aProfileSectionOfTheSharedFileIsThatTenantsLayerOnly() throws IOException {
        write("tenants.yml", "marketplace.fees.payout-limit: 31\n---\nspring.config.activate.on-profile: de\nmarketplace.fees.rate: 0.03\n");
        runner.run(context -> {
            assertThat(handle(context, Fees.class).of(DE)).isEqualTo(new Fees(new BigDecimal("0.03"), 1000));
            assertThat(handle(context, Fees.class).of(US)).isEqualTo(new Fees(new BigDecimal("0.07"), 1000));
        });
    }

    @Test
    void explainNamesTheConfigServerPropertySourceAndLineOfAValue() {
        runner.run(context -> {
            List<ConfigValue> values = context.getBean(TenantConfigStore.class).explain(JP, "marketplace.fees.rate");
            assertThat(values.get(0).value()).isEqualTo("0.08");
            assertThat(values.get(0).origin()).hasToString("operator 'jp' configserver:file:" + repository.resolve("tenants-jp.yml") + ":3");
            assertThat(values.get(1).origin().layer()).isEqualTo("application");
        });
    }

    @Test
    void aChangedDocumentIsInstalledOnRefreshCountedAndAnnounced() throws IOException {
        List<TenantConfigurationChangedEvent> events = new CopyOnWriteArrayList<>();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ApplicationListener.class, () -> (ApplicationListener<TenantConfigurationChangedEvent>) events::add)
                .run(context -> {
                    assertThat(context.getBean(ConfigServerTenantRefresher.class).refresh()).as("nothing changed yet").isEmpty();
                    write("tenants-us.yml", "marketplace.fees:\n  rate: 0.09\n  payout-limit: 900\n");

                    // tag::refresh[]
                    ConfigServerTenantRefresher refresher = context.getBean(ConfigServerTenantRefresher.class);
                    Set<TenantId> changed = refresher.refresh(); // every tenant's document fetched, the changed ones installed
                    // end::refresh[]
                    assertThat(changed).containsExactly(US);

                    assertThat(handle(context, Fees.class).of(US)).isEqualTo(new Fees(new BigDecimal("0.09"), 900));
                    assertThat(handle(context, Fees.class).of(JP).rate()).isEqualByComparingTo("0.08");
                    assertThat(events).singleElement().satisfies(e -> assertThat(e.tenants()).containsExactly(US));
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("tenantkit.config.reloads").tag("result", "success").functionCounter().count()).isEqualTo(1);
                    assertThat(meters.get("tenantkit.config.reloads").tag("result", "failure").functionCounter().count()).isZero();
                });
    }

    @Test
    void readersNeverSeeAMixOfTwoDocumentVersionsWhileRefreshesSwapThem() throws Exception {
        write("tenants-jp.yml", "pair: {a: 1, b: 1}\n");
        runner.run(context -> {
            TenantConfiguration<Pair> pair = handle(context, Pair.class);
            ConfigServerTenantRefresher refresher = context.getBean(ConfigServerTenantRefresher.class);
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            ExecutorService readers = Executors.newFixedThreadPool(2);
            try {
                List<Future<Long>> torn = new CopyOnWriteArrayList<>();
                for (int r = 0; r < 2; r++) {
                    torn.add(readers.submit(() -> {
                        long mixed = 0;
                        while (!done.get()) {
                            Pair p = pair.of(JP);
                            if (p.a() != p.b()) {
                                mixed++;
                            }
                            reads.incrementAndGet();
                        }
                        return mixed;
                    }));
                }
                for (int i = 2; i <= 21; i++) {
                    write("tenants-jp.yml", "pair: {a: " + i + ", b: " + i + "}\n");
                    assertThat(refresher.refresh()).containsExactly(JP);
                }
                done.set(true);
                for (Future<Long> f : torn) {
                    assertThat(f.get()).isZero();
                }
            } finally {
                done.set(true);
                readers.shutdownNow();
            }
            assertThat(pair.of(JP)).isEqualTo(new Pair(21, 21));
            assertThat(refresher.successes()).isEqualTo(20);
            assertThat(reads.get()).isPositive();
        });
    }

    @Test
    void anInvalidDocumentKeepsTheLastGoodValuesAndIsReportedOnce(CapturedOutput output) throws IOException {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            ConfigServerTenantRefresher refresher = context.getBean(ConfigServerTenantRefresher.class);
            write("tenants-jp.yml", "marketplace.fees:\n  rate: 0.9\n  payout-limit: 5\n");

            assertThat(refresher.refresh()).isEmpty();
            assertThat(refresher.refresh()).as("the same rejected document again").isEmpty();

            assertThat(handle(context, Fees.class).of(JP)).isEqualTo(new Fees(new BigDecimal("0.08"), 2000));
            assertThat(refresher.failures()).isEqualTo(1);
            assertThat(refresher.rejected()).containsExactly(JP);
            assertThat(context.getBean(MeterRegistry.class).get("tenantkit.config.reloads").tag("result", "failure")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(output).containsOnlyOnce("Rejected a change of tenant 'jp'")
                    .contains("property marketplace.fees.rate (operator 'jp' configserver:file:" + repository.resolve("tenants-jp.yml") + ":2)")
                    .contains("must be less than or equal to 0.5");

            write("tenants-jp.yml", "marketplace.fees.rate: 0.1\n");
            assertThat(refresher.refresh()).containsExactly(JP);
            assertThat(handle(context, Fees.class).of(JP)).isEqualTo(new Fees(new BigDecimal("0.1"), 1000));
            assertThat(refresher.rejected()).isEmpty();
            assertThat(output).contains("Tenant configuration of 'jp' is valid again");
        });
    }

    @Test
    void aDocumentTheServerCannotReadKeepsTheLastGoodValuesUntilItCanAgain(CapturedOutput output) throws IOException {
        runner.run(context -> {
            ConfigServerTenantRefresher refresher = context.getBean(ConfigServerTenantRefresher.class);
            String good = Files.readString(repository.resolve("tenants-jp.yml"));
            write("tenants-jp.yml", "marketplace: [unclosed\n");

            assertThat(refresher.refresh()).isEmpty();
            assertThat(handle(context, Fees.class).of(JP).rate()).isEqualByComparingTo("0.08");
            assertThat(refresher.rejected()).containsExactly(JP);
            assertThat(output).contains("Rejected a change of tenant 'jp'").contains("cannot be read from the config server: HTTP 500");

            write("tenants-jp.yml", good);
            assertThat(refresher.refresh()).as("the same values as before: nothing changed").isEmpty();
            assertThat(refresher.rejected()).isEmpty();
            assertThat(output).contains("Tenant configuration of 'jp' is valid again");
        });
    }

    @Test
    void documentsOfUnknownTenantsAndHostileNamesAreNeverReadAndHostileKeysAreReported(CapturedOutput output) throws IOException {
        write("tenants-zz.yml", "marketplace.fees.rate: 0.2\n");
        write("tenants-JP.yml", "marketplace.fees.rate: 0.2\n");
        write("tenants-..yml", "marketplace.fees.rate: 0.2\n");
        write("tenants-jp,us.yml", "marketplace.fees.rate: 0.2\n");
        write("tenants-de.yml", "\"forged\\nINFO line\": x\nmarketplace.fees.rate: 0.04\n");
        runner.run(context -> {
            TenantConfigStore store = context.getBean(TenantConfigStore.class);
            assertThat(store.generation().snapshot().findOrNull(TenantId.of("zz"))).isNull();
            assertThat(handle(context, Fees.class).of(JP).rate()).isEqualByComparingTo("0.08");
            assertThat(handle(context, Fees.class).of(US).rate()).isEqualByComparingTo("0.07");
            assertThat(handle(context, Fees.class).of(DE).rate()).isEqualByComparingTo("0.04");
            assertThat(store.generation().values(DE)).doesNotContainKey("forged\nINFO line");
            context.getBean(ConfigServerTenantRefresher.class).refresh();
            assertThat(output).containsOnlyOnce("Ignored key \"forged\\u000aINFO line\" of tenant 'de'").doesNotContain("forged\nINFO");
        });
    }

    @Test
    void aLabelWithASlashSelectsTheDocumentsOfThatLabel() throws IOException {
        // The native backend looks for a label's documents in the sub-folder of that name (a Git backend: a branch).
        Files.createDirectories(repository.resolve("release/2026"));
        Files.writeString(repository.resolve("release/2026/tenants-jp.yml"), "marketplace.fees.rate: 0.12\n");
        runner.withPropertyValues("tenantkit.config.server.label=release/2026").run(context -> {
            assertThat(handle(context, Fees.class).of(JP).rate()).isEqualByComparingTo("0.12");
            assertThat(context.getBean(TenantConfigStore.class).explain(JP, "marketplace.fees.rate").get(0).origin().file())
                    .isEqualTo("configserver:file:" + repository.resolve("release/2026/tenants-jp.yml"));
        });
    }

    @Test
    void aRemovedDocumentRemovesTheTenantsOperatorLayer() throws IOException {
        runner.run(context -> {
            Files.delete(repository.resolve("tenants-us.yml"));
            assertThat(context.getBean(ConfigServerTenantRefresher.class).refresh()).containsExactly(US);
            assertThat(handle(context, Fees.class).of(US)).isEqualTo(new Fees(new BigDecimal("0.05"), 1000));
        });
    }

    @Test
    void aStatusInADocumentChangesTheTenantsStatus() throws IOException {
        runner.run(context -> {
            write("tenants-us.yml", "tenant.status: suspended\nmarketplace.fees.rate: 0.07\n");
            context.getBean(ConfigServerTenantRefresher.class).refresh();
            assertThat(context.getBean(TenantRegistry.class).require(US).status()).isEqualTo(TenantStatus.SUSPENDED);
        });
    }

    @Test
    void pollingInstallsAChangeWithoutAnyCall() throws IOException {
        runner.withPropertyValues("tenantkit.config.server.interval=100ms").run(context -> {
            write("tenants-us.yml", "marketplace.fees.rate: 0.02\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> handle(context, Fees.class).of(US).rate().compareTo(new BigDecimal("0.02")) == 0);
        });
    }

    @Test
    void theEndpointRefreshesAndTellsWhereTheDocumentsComeFrom() throws IOException {
        runner.withPropertyValues("management.endpoints.web.exposure.include=tenantconfigserver").run(context -> {
            TenantConfigServerEndpoint endpoint = context.getBean(TenantConfigServerEndpoint.class);
            write("tenants-jp.yml", "marketplace.fees.rate: 0.11\n");
            TenantConfigServerEndpoint.Refreshed refreshed = endpoint.refresh();
            assertThat(refreshed.changed()).containsExactly("jp");
            assertThat(refreshed.status().document()).isEqualTo(
                    "http://localhost:" + server.getEnvironment().getProperty("local.server.port") + "/tenants/{tenant}");
            assertThat(refreshed.status().successes()).isEqualTo(1);
        });
    }

    @Test
    void anInvalidDocumentAtStartupFailsStartupNamingTenantPropertyAndSource() throws IOException {
        write("tenants-jp.yml", "marketplace.fees.rate: 0.7\n");
        runner.run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(TenantConfigException.class)
                .hasMessageContaining("tenant 'jp', property marketplace.fees.rate (operator 'jp' configserver:file:"
                        + repository.resolve("tenants-jp.yml") + ":1)"));
    }

    @Test
    void anUnreachableConfigServerAtStartupFailsStartupNamingTheDocument() {
        runner.withPropertyValues("tenantkit.config.server.uri=http://localhost:1").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("Cannot read the shared document http://localhost:1/tenants/TenantKitShared from the config "
                        + "server: ConnectException. Check tenantkit.config.server.uri"));
    }

    @Test
    void theOperatorDirectoryAndTheConfigServerTogetherFailStartup(@TempDir Path dir) {
        runner.withPropertyValues("tenantkit.config.dir=" + dir).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("Both tenantkit.config.dir and tenantkit.config.server.uri are set"));
    }

    @Test
    void tenantKitSwitchedOffSwitchesTheAdapterOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantConfigAutoConfiguration.class,
                        TenantConfigServerAutoConfiguration.class))
                .withPropertyValues("tenantkit.enabled=false", "tenantkit.config.server.uri=http://localhost:1").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(ConfigServerTenantSource.class).doesNotHaveBean(TenantConfigServerEndpoint.class));
    }

    @Test
    void withABlankServerUriTheAdapterStaysOff() {
        runner.withPropertyValues("tenantkit.config.server.uri= ").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(ConfigServerTenantSource.class).doesNotHaveBean(ConfigServerTenantRefresher.class));
    }
}
