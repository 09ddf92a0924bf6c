package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Startup failures as Spring Boot prints them: the analyzers registered in {@code META-INF/spring.factories}
 * add what core's messages cannot know (property names, file origins, the starter's ways to provide a tenant).
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantFailureAnalyzersTests {

    @Test
    void anInvalidPropertyIsReportedWithTheFileAndLineItIsWrittenOn(@TempDir Path dir, CapturedOutput output) throws IOException {
        Path config = dir.resolve("tenants.yml");
        Files.writeString(config, """
                tenantkit:
                  tenants:
                    jp:
                      parent: apac
                """);

        assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> start(Registry.class,
                "--spring.config.additional-location=file:" + config));

        assertThat(output).contains("TenantKit could not start: property tenantkit.tenants.jp.parent (from URL [file:" + config
                + "] - 4:15) is invalid: tenant 'jp' names parent 'apac', which is not declared.");
    }

    @Test
    void anUnknownTenantIsReportedWithTheWaysToDeclareIt(CapturedOutput output) {
        assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> start(NamesAnUnknownTenant.class,
                "--tenantkit.tenants.jp.name=Japan"));

        assertThat(output).contains("TenantKit could not start: Unknown tenant 'fr'. Declared tenants: jp. Declare it in the "
                + "registry's snapshot or fix the id.").contains("Declare tenant 'fr' under tenantkit.tenants.fr.* (or in the "
                + "tenantkit.catalog file, or in the application's TenantSnapshot bean), or fix the id where it is named.");
    }

    @Test
    void aMissingTenantAtStartupIsReportedWithTheStartersWaysToProvideOne(CapturedOutput output) {
        assertThatExceptionOfType(BeanCreationException.class).isThrownBy(() -> start(NeedsATenant.class))
                .withRootCauseInstanceOf(MissingTenantException.class);

        assertThat(output).contains("needs one. Enter it where the work comes in").contains("Action:")
                .contains("run it once per tenant with @PerTenant or TenantFanOut").contains("the TenantKit web filter (tenantkit.web.*)");
    }

    private static void start(Class<?> configuration, String... args) {
        SpringApplication app = new SpringApplication(configuration);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.run(args);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TenantAutoConfiguration.class)
    static class Registry {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TenantAutoConfiguration.class)
    static class NamesAnUnknownTenant {
        @Bean
        String frenchSite(TenantRegistry registry) {
            return registry.require(TenantId.of("fr")).name();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NeedsATenant {
        @Bean
        String currentSite() {
            return TenantContext.require().name();
        }
    }
}
