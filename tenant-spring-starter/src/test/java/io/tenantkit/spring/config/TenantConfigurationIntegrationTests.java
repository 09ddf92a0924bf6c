package io.tenantkit.spring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantHandOff;
import io.tenantkit.context.TenantScope;
import io.tenantkit.spring.autoconfigure.TenantAutoConfiguration;
import io.tenantkit.spring.autoconfigure.TenantConfigAutoConfiguration;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TenantConfigurationIntegrationTests {

    static final TenantId JP = TenantId.of("jp");
    static final TenantId DE = TenantId.of("de");

    @TempDir
    Path dir;

    @TenantConfigurationProperties("marketplace.fees")
    record Fees(@DecimalMax("0.5") BigDecimal rate, @Positive long payoutLimit) {
    }

    @TenantConfigurationProperties("pair")
    record Pair(int a, int b) {
    }

    @TenantConfigurationProperties("marketplace.fees")
    public static class FeesBean {

        private BigDecimal rate = BigDecimal.ZERO;

        public BigDecimal getRate() {
            return rate;
        }

        public void setRate(BigDecimal rate) {
            this.rate = rate;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTenantConfigurationProperties({Fees.class, Pair.class})
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTenantConfigurationProperties(FeesBean.class)
    static class BeanApp {
    }

    public static class Payouts {

        @TenantFeature("instant-payout")
        public String instant() {
            return "paid";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FeatureApp {

        @Bean
        Payouts payouts() {
            return new Payouts();
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantConfigAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withPropertyValues("tenantkit.tenants.global.status=inactive", "tenantkit.tenants.de.parent=global",
                    "marketplace.fees.rate=0.05", "marketplace.fees.payout-limit=1000", "pair.a=0", "pair.b=0");

    /** A class loader that ships {@code files} (path to text) as a module would, beside the test class path. */
    ClassLoader module(String name, Map<String, String> files) throws IOException {
        Path root = dir.resolve("modules").resolve(name);
        for (var file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader());
    }

    ClassLoader jpModule() throws IOException {
        return module("site-jp", Map.of(
                "tenants/apac/tenant.yml", "tenant:\n  parent: global\n  status: inactive\nmarketplace.fees.payout-limit: 2000\n",
                "tenants/jp/tenant.yml", """
                        tenant:
                          name: Japan
                          parent: apac
                          currency: JPY
                          time-zone: Asia/Tokyo
                        marketplace:
                          fees:
                            rate: 0.08
                        features:
                          instant-payout: true
                        """));
    }

    @Test
    void aModuleTenantFileDeclaresItsTenantAndTheApplicationMayOverrideItsFields() throws IOException {
        runner.withClassLoader(jpModule()).withPropertyValues("tenantkit.tenants.jp.name=Nippon").run(context -> {
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            assertThat(registry.require(JP).name()).isEqualTo("Nippon");
            assertThat(registry.require(JP).timeZone()).hasToString("Asia/Tokyo");
            assertThat(registry.snapshot().lineage(JP)).extracting(t -> t.id().value()).containsExactly("jp", "apac", "global");
        });
    }

    @Test
    void theApplicationOverridesOnlyTheDeclarationFieldsItWritesStatusIncluded() throws IOException {
        Path catalog = dir.resolve("catalog.yml");
        Files.writeString(catalog, """
                apac: { name: Asia-Pacific }
                jp: { status: suspended, currency: USD }
                """);
        runner.withClassLoader(jpModule()).withPropertyValues("tenantkit.catalog=file:" + catalog).run(context -> {
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            assertThat(registry.require(TenantId.of("apac")).status()).isEqualTo(TenantStatus.INACTIVE); // the module's
            assertThat(registry.require(TenantId.of("apac")).name()).isEqualTo("Asia-Pacific");
            assertThat(registry.require(JP).status()).isEqualTo(TenantStatus.SUSPENDED);
            assertThat(registry.require(JP).currency()).contains(Currency.getInstance("USD"));
            assertThat(registry.require(JP).timeZone()).hasToString("Asia/Tokyo"); // the module's
        });
        runner.withClassLoader(jpModule()).withPropertyValues("tenantkit.tenants.apac.name=APAC", "tenantkit.tenants.jp.status=suspended")
                .run(context -> {
                    TenantRegistry registry = context.getBean(TenantRegistry.class);
                    assertThat(registry.require(TenantId.of("apac")).status()).isEqualTo(TenantStatus.INACTIVE);
                    assertThat(registry.require(JP).status()).isEqualTo(TenantStatus.SUSPENDED);
                });
    }

    @Test
    void twoModulesDeclaringOneTenantDifferentlyFailStartupNamingBothFilesAndTheField() throws IOException {
        Files.createDirectories(dir.resolve("modules/two/tenants/br"));
        Files.writeString(dir.resolve("modules/two/tenants/br/tenant.yml"), "tenant:\n  currency: USD\n");
        ClassLoader one = module("one", Map.of("tenants/br/tenant.yml", "tenant:\n  currency: BRL\n"));
        ClassLoader both = new URLClassLoader(new URL[] {dir.resolve("modules/two").toUri().toURL()}, one);
        runner.withClassLoader(both).run(context -> assertThat(context).getFailure()
                .rootCause().isInstanceOf(TenantConfigException.class)
                .hasMessageContaining("property tenant.currency")
                .hasMessageContaining("modules/one/tenants/br/tenant.yml:2").hasMessageContaining("modules/two/tenants/br/tenant.yml:2"));
    }

    @Test
    void eachTenantGetsItsOwnBoundRecordFromItsLayersAndTheSharedDefaults() throws IOException {
        runner.withClassLoader(jpModule()).withUserConfiguration(App.class).run(context -> {
            TenantConfiguration<Fees> fees = context.getBean(TenantConfigurationBinder.class).handle(Fees.class);
            assertThat(fees.of(JP)).isEqualTo(new Fees(new BigDecimal("0.08"), 2000));
            assertThat(fees.of(DE)).isEqualTo(new Fees(new BigDecimal("0.05"), 1000));
            assertThat(TenantContext.supplyAs(context.getBean(TenantRegistry.class).require(JP), fees::current).rate())
                    .isEqualByComparingTo("0.08");
            assertThatExceptionOfType(MissingTenantException.class).isThrownBy(fees::current);
            assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> fees.of(TenantId.of("apac")))
                    .withMessageContaining("INACTIVE");
            assertThat(context.getEnvironment().getProperty("marketplace.fees.rate")).isEqualTo("0.05");
            assertThat(context.getBeanProvider(org.springframework.core.ResolvableType.forClassWithGenerics(
                    TenantConfiguration.class, Fees.class)).getObject()).isSameAs(fees);
        });
    }

    @Test
    void javaBeansAreBoundToo() throws IOException {
        runner.withClassLoader(jpModule()).withUserConfiguration(BeanApp.class).run(context -> assertThat(
                context.getBean(TenantConfigurationBinder.class).handle(FeesBean.class).of(JP).getRate()).isEqualByComparingTo("0.08"));
    }

    @Test
    void everyViolationOfEveryTenantFailsStartupAtOnceWithTenantFileLineAndConstraint() throws IOException {
        ClassLoader modules = module("bad", Map.of(
                "tenants/jp/tenant.yml", "marketplace:\n  fees:\n    rate: 0.9\n    payout-limit: -1\n",
                "tenants/de/tenant.yml", "marketplace.fees.rate: 0.7\n"));
        runner.withClassLoader(modules).withPropertyValues("tenantkit.tenants.jp.name=Japan").withUserConfiguration(App.class)
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    TenantConfigException e = (TenantConfigException) org.springframework.core.NestedExceptionUtils.getRootCause(failure);
                    assertThat(e.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                            "tenant 'jp', property marketplace.fees.payout-limit (module 'jp' " + modules.getResource("tenants/jp/tenant.yml").getPath() + ":4): '-1' must be greater than 0 (@Positive)",
                            "tenant 'jp', property marketplace.fees.rate (module 'jp' " + modules.getResource("tenants/jp/tenant.yml").getPath() + ":3): '0.9' must be less than or equal to 0.5 (@DecimalMax)",
                            "tenant 'de', property marketplace.fees.rate (module 'de' " + modules.getResource("tenants/de/tenant.yml").getPath() + ":1): '0.7' must be less than or equal to 0.5 (@DecimalMax)");
                    FailureAnalysis analysis = new TenantConfigFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).startsWith("TenantKit could not start: the tenant configuration has 3 problems:");
                });
    }

    @Test
    void anOperatorFileIsTheStrongestLayerAndAReloadRebindsOnlyItsTenant() throws IOException {
        Files.writeString(dir.resolve("de.yml"), "marketplace.fees.rate: 0.06\n");
        List<TenantConfigurationChangedEvent> events = new CopyOnWriteArrayList<>();
        runner.withClassLoader(jpModule()).withUserConfiguration(App.class)
                .withPropertyValues("tenantkit.config.dir=" + dir, "tenantkit.config.interval=1h")
                .withBean(ApplicationListener.class, () -> (ApplicationListener<TenantConfigurationChangedEvent>) events::add)
                .run(context -> {
                    TenantConfigurationBinder binder = context.getBean(TenantConfigurationBinder.class);
                    TenantConfigReloader reloader = context.getBean(TenantConfigReloader.class);
                    reloader.stop(); // reloads run when the test says, not when the file system does
                    TenantConfiguration<Fees> fees = binder.handle(Fees.class);
                    assertThat(fees.of(DE).rate()).isEqualByComparingTo("0.06");
                    long binds = binder.binds();

                    Files.writeString(dir.resolve("de.yml"), "marketplace.fees.rate: 0.04\n");
                    assertThat(reloader.reload()).containsExactly(DE);
                    assertThat(fees.of(DE).rate()).isEqualByComparingTo("0.04");
                    assertThat(binder.binds() - binds).isEqualTo(2); // Fees and Pair of de, nothing of jp
                    assertThat(events).singleElement().satisfies(e -> assertThat(e.tenants()).containsExactly(DE));
                    assertThat(context.getBean(TenantConfigStore.class).explain(DE, "marketplace.fees.rate"))
                            .extracting(ConfigValue::value).containsExactly("0.04", "0.05");

                    Files.writeString(dir.resolve("de.yml"), "marketplace.fees.rate: 0.99\n");
                    assertThat(reloader.reload()).isEmpty();
                    assertThat(fees.of(DE).rate()).isEqualByComparingTo("0.04");
                    assertThat(reloader.failures()).isEqualTo(1);
                    assertThat(reloader.successes()).isEqualTo(1);
                });
    }

    @Test
    void anOperatorFileSuspendsATenantThroughTheRegistry() throws IOException {
        runner.withClassLoader(jpModule()).withUserConfiguration(App.class)
                .withPropertyValues("tenantkit.config.dir=" + dir, "tenantkit.config.interval=1h").run(context -> {
                    TenantConfigReloader reloader = context.getBean(TenantConfigReloader.class);
                    reloader.stop(); // reloads run when the test says, not when the file system does
                    Files.writeString(dir.resolve("jp.yml"), "tenant:\n  status: suspended\n");
                    reloader.reload();
                    assertThat(context.getBean(TenantRegistry.class).require(JP).status()).isEqualTo(TenantStatus.SUSPENDED);
                    assertThatExceptionOfType(IllegalStateException.class)
                            .isThrownBy(() -> context.getBean(TenantConfigurationBinder.class).handle(Fees.class).of(JP));
                    Files.writeString(dir.resolve("jp.yml"), "tenant:\n  status: active\n# back\n");
                    reloader.reload();
                    assertThat(context.getBean(TenantConfigurationBinder.class).handle(Fees.class).of(JP).rate()).isEqualByComparingTo("0.08");
                });
    }

    @Test
    void aScopeKeepsReadingTheGenerationOfItsFirstReadAcrossAReloadAndTheNextScopeReadsTheNewOne() throws IOException {
        withDeAtVersionA((reloader, binder, store, de) -> {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (TenantScope request = TenantContext.enter(de)) {
                assertThat(binder.handle(Pair.class).current().a()).isEqualTo(1);
                Files.writeString(dir.resolve("de.yml"), VERSION_B);
                assertThat(reloader.reload()).containsExactly(DE);

                assertThat(version(binder, store)).isEqualTo("1/1/0.01/1/true");
                try (TenantScope nested = TenantContext.enter(de)) {
                    assertThat(version(binder, store)).isEqualTo("1/1/0.01/1/true");
                }
                TenantHandOff handOff = TenantHandOff.capture();
                assertThat(pool.submit(() -> {
                    try (TenantHandOff.Scope task = handOff.enter()) {
                        return version(binder, store);
                    }
                }).get()).isEqualTo("1/1/0.01/1/true");
                assertThat(binder.handle(Fees.class).of(DE).rate()).isEqualByComparingTo("0.01");
            } finally {
                pool.shutdown();
            }
            assertThat(TenantContext.supplyAs(de, () -> version(binder, store))).isEqualTo("22/22/0.22/22/false");
            assertThat(binder.handle(Fees.class).of(DE).rate()).isEqualByComparingTo("0.22");
        });
    }

    @Test
    void readersNeverSeeAMixOfTwoClassesPropertiesAndFlagsWhileFilesFlipBetweenTwoValidVersions() throws IOException {
        withDeAtVersionA((reloader, binder, store, de) -> {
            AtomicBoolean done = new AtomicBoolean();
            List<String> mixed = new CopyOnWriteArrayList<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread reader = new Thread(() -> {
                    while (!done.get()) {
                        TenantContext.runAs(de, () -> { // one request: every read from one generation
                            String first = version(binder, store);
                            Thread.yield();
                            String second = version(binder, store);
                            seen.add(first);
                            if (!first.equals(second) || !first.equals("1/1/0.01/1/true") && !first.equals("22/22/0.22/22/false")) {
                                mixed.add(first + " then " + second);
                            }
                        });
                    }
                });
                reader.start();
                readers.add(reader);
            }
            for (int flip = 1; flip <= 60; flip++) {
                Files.writeString(dir.resolve("de.yml"), flip % 2 == 0 ? VERSION_A : VERSION_B);
                reloader.reload();
            }
            done.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(mixed).isEmpty();
            assertThat(seen).containsExactlyInAnyOrder("1/1/0.01/1/true", "22/22/0.22/22/false");
            assertThat(reloader.failures()).isZero();
            assertThat(reloader.successes()).isEqualTo(60);
        });
    }

    /** What the flip tests use: a context whose operator directory has {@code de.yml} at version A, reloaded by hand. */
    @FunctionalInterface
    interface FlipTest {

        void run(TenantConfigReloader reloader, TenantConfigurationBinder binder, TenantConfigStore store, Tenant de) throws Exception;
    }

    void withDeAtVersionA(FlipTest test) throws IOException {
        Files.writeString(dir.resolve("de.yml"), VERSION_A);
        runner.withUserConfiguration(App.class).withPropertyValues("tenantkit.config.dir=" + dir, "tenantkit.config.interval=1h")
                .run(context -> {
                    TenantConfigReloader reloader = context.getBean(TenantConfigReloader.class);
                    reloader.stop(); // reloads run when the test says, not when the file system does
                    test.run(reloader, context.getBean(TenantConfigurationBinder.class), context.getBean(TenantConfigStore.class),
                            context.getBean(TenantRegistry.class).require(DE));
                });
    }

    static final String VERSION_A = """
            pair: {a: 1, b: 1}
            marketplace.fees: {rate: 0.01, payout-limit: 1}
            features.instant-payout: true
            """;
    static final String VERSION_B = """
            pair: {a: 22, b: 22}
            marketplace.fees: {rate: 0.22, payout-limit: 22}
            features.instant-payout: false
            """;

    /** Everything the current tenant reads, one read at a time: two classes, several properties, a flag. */
    static String version(TenantConfigurationBinder binder, TenantConfigStore store) {
        TenantConfiguration<Pair> pairs = binder.handle(Pair.class);
        TenantConfiguration<Fees> fees = binder.handle(Fees.class);
        int a = pairs.current().a();
        BigDecimal rate = fees.current().rate();
        long limit = fees.current().payoutLimit();
        int b = pairs.current().b();
        return a + "/" + b + "/" + rate.toPlainString() + "/" + limit + "/" + store.isOn("instant-payout");
    }

    @Test
    void aFeatureGuardCallsTheMethodOnlyForTenantsWithTheFeatureOn() throws IOException {
        runner.withClassLoader(jpModule()).withUserConfiguration(FeatureApp.class).run(context -> {
            Payouts payouts = context.getBean(Payouts.class);
            TenantRegistry registry = context.getBean(TenantRegistry.class);
            assertThat(TenantContext.supplyAs(registry.require(JP), payouts::instant)).isEqualTo("paid");
            assertThatExceptionOfType(TenantFeatureDisabledException.class)
                    .isThrownBy(() -> TenantContext.runAs(registry.require(DE), payouts::instant))
                    .withMessageStartingWith("Feature 'instant-payout' is off for tenant 'de'");
            assertThatExceptionOfType(MissingTenantException.class).isThrownBy(payouts::instant);
        });
    }

    @Test
    void theEndpointShowsEveryKeyWithItsOriginAndMasksValuesUnlessAsked() throws IOException {
        runner.withClassLoader(jpModule()).run(context -> {
            var contributor = context.getBean(TenantConfigEndpointContributor.class);
            var tenant = context.getBean(TenantRegistry.class).require(JP);
            assertThat(contributor.contribute(tenant, context.getBean(TenantRegistry.class).snapshot())).asString()
                    .contains("key=marketplace.fees.rate, value=******, origin=module 'jp'")
                    .contains("key=marketplace.fees.payout-limit, value=******, origin=module 'apac'");
        });
        runner.withClassLoader(jpModule()).withPropertyValues("management.endpoint.tenants.show-values=always").run(context -> {
            var contributor = context.getBean(TenantConfigEndpointContributor.class);
            var tenant = context.getBean(TenantRegistry.class).require(JP);
            assertThat(contributor.contribute(tenant, context.getBean(TenantRegistry.class).snapshot())).asString()
                    .contains("key=marketplace.fees.rate, value=0.08");
        });
    }
}
