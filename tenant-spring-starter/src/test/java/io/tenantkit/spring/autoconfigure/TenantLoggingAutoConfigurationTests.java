package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.logging.TenantLevelFilter;
import io.tenantkit.logging.TenantLevelOverride;
import io.tenantkit.spring.logging.TenantLogMetrics;
import io.tenantkit.spring.logging.TenantLogbackInstaller;
import io.tenantkit.spring.logging.TenantLoggersEndpoint;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

class TenantLoggingAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantLoggingAutoConfiguration.class))
            .withUserConfiguration(Registry.class);

    @Test
    void installsTheLevelFilterWhileTheContextRunsAndAppliesStartupLevels() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        AtomicReference<TenantLevelFilter> installed = new AtomicReference<>();
        runner.withPropertyValues("tenantkit.logging.levels.jp.io.example.payout=debug", "tenantkit.logging.levels.jp.root=warn")
                .run(context -> {
                    TenantLevelFilter filter = context.getBean(TenantLevelFilter.class);
                    installed.set(filter);
                    assertThat(logback.getTurboFilterList()).contains(filter);
                    assertThat(filter.overrides()).containsExactly(
                            new TenantLevelOverride(TenantId.of("jp"), "ROOT", Level.WARN, null),
                            new TenantLevelOverride(TenantId.of("jp"), "io.example.payout", Level.DEBUG, null));
                    assertThat(context).hasSingleBean(TenantLogMetrics.class).hasSingleBean(TenantLogbackInstaller.class)
                            .doesNotHaveBean(TenantLoggersEndpoint.class);
                    assertThat(context.getBean(TenantLogbackInstaller.class).appenders()).isEmpty();
                });
        assertThat(logback.getTurboFilterList()).doesNotContain(installed.get());
    }

    @Test
    void aStartupLevelForAnUnknownTenantFailsNamingTheProperty() {
        runner.withPropertyValues("tenantkit.logging.levels.fr.io.example=DEBUG").run(context -> assertThat(context)
                .getFailure().cause().cause().cause().isInstanceOf(InvalidTenantPropertyException.class)
                .hasMessageStartingWith("Invalid property tenantkit.logging.levels.fr.io.example: Unknown tenant 'fr'")
                .hasMessageEndingWith("Name a tenant the registry declares and a logger name, such as "
                        + "tenantkit.logging.levels.jp.io.example.payout=DEBUG."));
    }

    @Test
    void theEndpointIsThereWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=tenantloggers")
                .run(context -> assertThat(context).hasSingleBean(TenantLoggersEndpoint.class));
    }

    @Test
    void switchedOffByProperty() {
        runner.withPropertyValues("tenantkit.logging.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TenantLevelFilter.class));
    }

    @Test
    void backsOffToTheApplicationsOwnFilter() {
        runner.withUserConfiguration(OwnFilter.class).run(context -> assertThat(context)
                .hasSingleBean(TenantLevelFilter.class).hasBean("myFilter"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFilter {

        @Bean
        TenantLevelFilter myFilter() {
            return new TenantLevelFilter();
        }
    }
}
