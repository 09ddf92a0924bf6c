package io.tenantkit.spring.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.spring.autoconfigure.TenantExtensionAutoConfiguration;
import io.tenantkit.spring.extension.badidmodule.BadIdModule;
import io.tenantkit.spring.extension.emptymodule.NoTenantModule;
import io.tenantkit.spring.extension.twomodules.JpInSharedPackage;
import io.tenantkit.spring.extension.twomodules.KrInSharedPackage;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@ExtendWith(OutputCaptureExtension.class)
class TenantModuleFailureAnalyzerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantExtensionAutoConfiguration.class))
            .withUserConfiguration(TenantExtensionAutoConfigurationTest.Tenants.class,
                    TenantExtensionAutoConfigurationTest.StandardOnly.class);

    private FailureAnalysis analysisOfStartupWith(Class<?>... modules) {
        AtomicReference<FailureAnalysis> analysis = new AtomicReference<>();
        runner.withUserConfiguration(modules).run(context -> {
            assertThat(context).hasFailed();
            analysis.set(new TenantModuleFailureAnalyzer().analyze(context.getStartupFailure()));
        });
        return analysis.get();
    }

    @Test
    void modulesSharingAPackageAreNamedWithTheirPackage() {
        FailureAnalysis analysis = analysisOfStartupWith(JpInSharedPackage.class, KrInSharedPackage.class);

        assertThat(analysis.getDescription()).isEqualTo("TenantKit tenant modules are invalid: Tenant modules "
                + "io.tenantkit.spring.extension.twomodules.JpInSharedPackage and "
                + "io.tenantkit.spring.extension.twomodules.KrInSharedPackage share package "
                + "io.tenantkit.spring.extension.twomodules, so their extensions cannot be told apart.");
        assertThat(analysis.getAction()).isEqualTo("Give each module its own package.");
    }

    @Test
    void aModuleWithoutTenantIsNamed() {
        FailureAnalysis analysis = analysisOfStartupWith(NoTenantModule.class);

        assertThat(analysis.getDescription()).isEqualTo("TenantKit tenant modules are invalid: @TenantModule on "
                + "io.tenantkit.spring.extension.emptymodule.NoTenantModule names no tenant.");
        assertThat(analysis.getAction()).isEqualTo("Name the tenant (or region) the module serves: @TenantModule(\"jp\").");
    }

    @Test
    void anInvalidTenantIdIsShownWithTheRuleItBreaks() {
        FailureAnalysis analysis = analysisOfStartupWith(BadIdModule.class);

        assertThat(analysis.getDescription()).isEqualTo("TenantKit tenant modules are invalid: @TenantModule on "
                + "io.tenantkit.spring.extension.badidmodule.BadIdModule names an invalid tenant: Invalid tenant id \"JP\": "
                + "it starts with 'J'. A tenant id must match [a-z0-9][a-z0-9_-]{0,62} (lower-case ASCII letters, digits, "
                + "'_' and '-', starting with a letter or digit).");
        assertThat(analysis.getAction()).isEqualTo("Name the tenant (or region) the module serves by the id it is "
                + "declared with (tenantkit.tenants.<id>), such as @TenantModule(\"jp\").");
    }

    @Test
    void startupFailuresAreReportedThroughTheAnalyzer(CapturedOutput output) {
        SpringApplication app = new SpringApplication(WithNoTenantModule.class);
        app.setWebApplicationType(WebApplicationType.NONE);

        assertThatExceptionOfType(TenantModuleException.class).isThrownBy(app::run);
        assertThat(output).contains("""
                Description:

                TenantKit tenant modules are invalid: @TenantModule on \
                io.tenantkit.spring.extension.emptymodule.NoTenantModule names no tenant.

                Action:

                Name the tenant (or region) the module serves: @TenantModule("jp").""");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TenantExtensionAutoConfiguration.class)
    @Import(NoTenantModule.class)
    static class WithNoTenantModule {
        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build());
        }
    }
}
