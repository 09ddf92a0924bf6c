package io.tenantkit.spring.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.Extension;
import io.tenantkit.extension.ExtensionBinding;
import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.extension.ExtensionPointIndex;
import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.extension.ExtensionRouters;
import io.tenantkit.extension.ExtensionValidationException;
import io.tenantkit.spring.autoconfigure.TenantExtensionAutoConfiguration;
import io.tenantkit.spring.extension.badidmodule.BadIdModule;
import io.tenantkit.spring.extension.emptymodule.NoTenantModule;
import io.tenantkit.spring.extension.jpmodule.JpTestModule;
import io.tenantkit.spring.extension.jpmodule.internal.KrShippingInJpModule;
import io.tenantkit.spring.extension.krmodule.KrTestModule;
import io.tenantkit.spring.extension.twomodules.JpInSharedPackage;
import io.tenantkit.spring.extension.twomodules.KrInSharedPackage;
import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class TenantExtensionAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantExtensionAutoConfiguration.class))
            .withUserConfiguration(Tenants.class);

    private static String as(AssertableApplicationContext context, String tenant, java.util.function.Supplier<String> call) {
        Tenant t = context.getBean(TenantRegistry.class).require(TenantId.of(tenant));
        return TenantContext.supplyAs(t, call);
    }

    @Test
    void sharedCodeInjectingTheExtensionPointGetsARouterThatFollowsTheCurrentTenant() {
        runner.withUserConfiguration(Shared.class, JpTestModule.class).run(context -> {
            Checkout checkout = context.getBean(Checkout.class);

            assertThat(ExtensionRouters.isGenerated(checkout.shipping())).isTrue();
            assertThat(context.getBean(ShippingPolicy.class)).isSameAs(checkout.shipping());
            assertThat(as(context, "jp", checkout::ship)).isEqualTo("shipped by yamato");
            assertThat(as(context, "us", checkout::ship)).isEqualTo("shipped by standard post");
            assertThat(as(context, "kr", checkout::ship)).isEqualTo("shipped by standard post");
        });
    }

    @Test
    void callingWithoutATenantFailsClosed() {
        runner.withUserConfiguration(Shared.class).run(context -> assertThatExceptionOfType(MissingTenantException.class)
                .isThrownBy(context.getBean(Checkout.class)::ship)
                .withMessageContaining("extension point io.tenantkit.spring.extension.ShippingPolicy needs one"));
    }

    @Test
    void anExplicitExtensionAnnotationOverridesTheModuleTenant() {
        runner.withUserConfiguration(Shared.class, JpTestModule.class, KrShippingInJpModule.class).run(context -> {
            Checkout checkout = context.getBean(Checkout.class);

            assertThat(as(context, "kr", checkout::ship)).isEqualTo("shipped by cj logistics");
            assertThat(as(context, "jp", checkout::ship)).isEqualTo("shipped by yamato");
        });
    }

    @Test
    void aBeanDeclaredByAModulesBeanMethodBelongsToTheModuleWhereverItsClassLives() {
        runner.withUserConfiguration(Shared.class, KrTestModule.class).run(context -> {
            ExtensionRegistry registry = context.getBean(ExtensionRegistry.class);

            assertThat(registry.explain(TenantId.of("kr"), ShippingPolicy.class).describe()).startsWith(
                    "ShippingPolicy for tenant 'kr' (ACTIVE), chain kr -> apac -> global: "
                            + "io.tenantkit.spring.extension.StandardShipping (bean 'krShipping' of tenant module "
                            + "io.tenantkit.spring.extension.krmodule.KrTestModule [kr]) answers (bound to kr)");
            assertThat(registry.explain(TenantId.of("jp"), ShippingPolicy.class).describe())
                    .contains("StandardShipping (bean 'standardShipping') answers (bound to global)");
        });
    }

    @Test
    void implementationsStayInjectableByTheirOwnClassInsideTheirModule() {
        runner.withUserConfiguration(Shared.class, JpTestModule.class).run(context ->
                assertThat(context.getBean(io.tenantkit.spring.extension.jpmodule.JpShipping.class).carrier()).isEqualTo("yamato"));
    }

    @Test
    void handlesAreInjectableForReducers() {
        runner.withUserConfiguration(Shared.class, JpTestModule.class, HandleUser.class).run(context -> {
            HandleUser user = context.getBean(HandleUser.class);

            assertThat(as(context, "jp", user::allCarriers)).isEqualTo("[yamato, standard post]");
        });
    }

    @Test
    void explainSaysWhichBeanAndModuleAnswers() {
        runner.withUserConfiguration(Shared.class, JpTestModule.class).run(context -> {
            ExtensionRegistry registry = context.getBean(ExtensionRegistry.class);

            assertThat(registry.explain(TenantId.of("jp"), ShippingPolicy.class).describe()).startsWith(
                    "ShippingPolicy for tenant 'jp' (ACTIVE), chain jp -> apac -> global: "
                            + "io.tenantkit.spring.extension.jpmodule.JpShipping (bean 'jpShipping' of tenant module "
                            + "io.tenantkit.spring.extension.jpmodule.JpTestModule [jp]) answers (bound to jp)");
        });
    }

    @Test
    void aMissingDefaultStopsStartupNamingPointAndTenants() {
        runner.withUserConfiguration(JpTestModule.class, CheckoutOnly.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(ExtensionValidationException.class)
                    .hasMessageContaining("Extension point io.tenantkit.spring.extension.ShippingPolicy has no implementation "
                            + "for active tenants kr, us.");
        });
    }

    @Test
    void aBindingToAnUnknownTenantFailsByDefaultAndIsIgnoredWithWarn() {
        runner.withUserConfiguration(Shared.class, DeShipping.class).run(context -> assertThat(context.getStartupFailure())
                .isInstanceOf(ExtensionValidationException.class).hasMessageContaining("is bound to tenant 'de', which is not declared"));
        runner.withUserConfiguration(Shared.class, DeShipping.class)
                .withPropertyValues("tenantkit.extensions.unknown-tenant=warn")
                .run(context -> assertThat(context.getBean(ExtensionRegistry.class).warnings()).singleElement()
                        .asString().contains("tenant 'de', which is not declared"));
    }

    @Test
    void anIndexedOptionalPointThatNoBeanImplementsStillGetsItsRouterAndHandle(@TempDir Path jar) throws IOException {
        try (URLClassLoader loader = withIndex(jar, LoyaltyProgram.class.getName())) {
            runner.withClassLoader(loader).withUserConfiguration(Shared.class, LoyaltyUser.class).run(context -> {
                LoyaltyUser user = context.getBean(LoyaltyUser.class);

                assertThat(ExtensionRouters.isGenerated(context.getBean(LoyaltyProgram.class))).isTrue();
                assertThat(as(context, "jp", user::programName)).isEqualTo("none");
            });
        }
    }

    @Test
    void anIndexedRequiredPointThatNoBeanImplementsStopsStartupWithTenantKitsReport(@TempDir Path jar) throws IOException {
        // Without the index: Spring's NoSuchBeanDefinitionException for the ShippingPolicy Checkout injects.
        try (URLClassLoader loader = withIndex(jar, ShippingPolicy.class.getName())) {
            runner.withClassLoader(loader).withUserConfiguration(CheckoutOnly.class).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new ExtensionValidationFailureAnalyzer().analyze(context.getStartupFailure());

                assertThat(analysis.getDescription()).isEqualTo("""
                        TenantKit extension bindings are invalid:

                            - Extension point io.tenantkit.spring.extension.ShippingPolicy has no implementation for \
                        active tenants jp, kr, us. Bind an implementation to each of them or to a parent, or add a global \
                        default (an implementation bound to no tenant), or declare the point \
                        @ExtensionPoint(optional = true).""");
                assertThat(analysis.getAction()).startsWith("- Give io.tenantkit.spring.extension.ShippingPolicy an "
                        + "implementation for 'jp', 'kr', 'us': add the tenant module jar that serves them");
            });
        }
    }

    /** A class loader that also sees {@code jar}, holding an extension point index that lists {@code points}. */
    private static URLClassLoader withIndex(Path jar, String... points) throws IOException {
        Path index = jar.resolve(ExtensionPointIndex.RESOURCE);
        Files.createDirectories(index.getParent());
        Files.write(index, List.of(points));
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, TenantExtensionAutoConfigurationTest.class.getClassLoader());
    }

    @Test
    void modulesSharingAPackageAreRejected() {
        runner.withUserConfiguration(Shared.class, JpInSharedPackage.class, KrInSharedPackage.class)
                .run(context -> assertThat(context.getStartupFailure()).isInstanceOf(TenantModuleException.class)
                        .hasMessage("Tenant modules io.tenantkit.spring.extension.twomodules.JpInSharedPackage and "
                                + "io.tenantkit.spring.extension.twomodules.KrInSharedPackage share package "
                                + "io.tenantkit.spring.extension.twomodules, so their extensions cannot be told apart. "
                                + "Give each module its own package."));
    }

    @Test
    void aModuleMustNameItsTenant() {
        runner.withUserConfiguration(Shared.class, NoTenantModule.class)
                .run(context -> assertThat(context.getStartupFailure()).isInstanceOf(TenantModuleException.class)
                        .hasMessage("@TenantModule on io.tenantkit.spring.extension.emptymodule.NoTenantModule names no "
                                + "tenant. Name the tenant (or region) the module serves: @TenantModule(\"jp\")."));
    }

    @Test
    void aModuleMustNameAValidTenantId() {
        runner.withUserConfiguration(Shared.class, BadIdModule.class)
                .run(context -> assertThat(context.getStartupFailure()).isInstanceOf(TenantModuleException.class)
                        .hasMessageStartingWith("@TenantModule on io.tenantkit.spring.extension.badidmodule.BadIdModule "
                                + "names an invalid tenant: Invalid tenant id \"JP\"")
                        .hasCauseInstanceOf(InvalidTenantIdException.class));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withUserConfiguration(StandardOnly.class).withPropertyValues("tenantkit.extensions.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ExtensionRegistry.class);
                    assertThat(context.getBean(ShippingPolicy.class)).isInstanceOf(StandardShipping.class);
                });
    }

    @Test
    void backsOffWithoutATenantRegistry() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TenantExtensionAutoConfiguration.class))
                .withUserConfiguration(StandardOnly.class)
                .run(context -> assertThat(context).doesNotHaveBean(ExtensionRegistry.class));
    }

    @Test
    void backsOffToTheApplicationsOwnRegistryAndAddsTheBeansToIt() {
        runner.withUserConfiguration(Shared.class, OwnRegistry.class).run(context -> {
            ExtensionRegistry own = context.getBean(ExtensionRegistry.class);
            assertThat(own).isSameAs(context.getBean("ownRegistry"));
            assertThat(as(context, "jp", context.getBean(Checkout.class)::ship)).isEqualTo("shipped by standard post");

            own.bind(ExtensionBinding.builder(ShippingPolicy.class, () -> "us code binding").tenants("us").build());

            assertThat(as(context, "us", context.getBean(Checkout.class)::ship)).isEqualTo("shipped by us code binding");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Tenants {
        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("apac").status(TenantStatus.INACTIVE).build(),
                    Tenant.builder("jp").parent("apac").build(), Tenant.builder("kr").parent("apac").build(),
                    Tenant.builder("us").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class StandardOnly {
        @Bean
        StandardShipping standardShipping() {
            return new StandardShipping();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CheckoutOnly {
        @Bean
        Checkout checkout(ShippingPolicy shipping) {
            return new Checkout(shipping);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({StandardOnly.class, CheckoutOnly.class})
    static class Shared {
    }

    @Extension(tenants = "de")
    static class DeShipping implements ShippingPolicy {
        @Override
        public String carrier() {
            return "dhl";
        }
    }

    static class HandleUser {
        @Autowired
        ExtensionHandle<ShippingPolicy> shipping;

        String allCarriers() {
            return shipping.all().stream().map(ShippingPolicy::carrier).toList().toString();
        }
    }

    static class LoyaltyUser {
        @Autowired
        ExtensionHandle<LoyaltyProgram> loyalty;

        String programName() {
            LoyaltyProgram program = loyalty.currentOrNull();
            return program == null ? "none" : program.name();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean
        ExtensionRegistry ownRegistry(TenantRegistry tenants) {
            return ExtensionRegistry.builder(tenants).build();   // waits for its bindings: the beans
        }
    }

}
