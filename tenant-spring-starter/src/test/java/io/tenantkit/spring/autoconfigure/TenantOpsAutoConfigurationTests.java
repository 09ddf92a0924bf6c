package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tenantkit.spring.ops.TenantOpsEndpoint;
import io.tenantkit.spring.ops.TenantTrafficContributor;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TenantOpsAutoConfigurationTests {

    private static final String EXPOSED = "management.endpoints.web.exposure.include=tenantops";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantOpsAutoConfiguration.class))
            .withUserConfiguration(RegistryAndMeters.class);

    @Test
    void pageIsOffByDefaultEvenWhenExposed() {
        runner.withPropertyValues(EXPOSED).run(context -> assertThat(context)
                .doesNotHaveBean(TenantOpsEndpoint.class).doesNotHaveBean(TenantTrafficContributor.class));
    }

    @Test
    void pageAndItsTrafficCountsExistWhenEnabledAndExposed() {
        runner.withPropertyValues(EXPOSED, "tenantkit.ops.enabled=true").run(context -> assertThat(context)
                .hasSingleBean(TenantOpsEndpoint.class).hasSingleBean(TenantTrafficContributor.class));
    }

    @Test
    void pageIsLeftOutWhenEnabledButNotExposed() {
        runner.withPropertyValues("tenantkit.ops.enabled=true").run(context -> assertThat(context)
                .doesNotHaveBean(TenantOpsEndpoint.class).doesNotHaveBean(TenantTrafficContributor.class));
    }

    @Test
    void pageIsLeftOutWithTenantkitEnabledFalse() {
        runner.withPropertyValues(EXPOSED, "tenantkit.ops.enabled=true", "tenantkit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TenantOpsEndpoint.class));
    }

    @Test
    void trafficCountsAreLeftOutWithoutAMeterRegistry() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(TenantOpsAutoConfiguration.class))
                .withBean(TenantRegistry.class, () -> TenantRegistry.of(Tenant.builder("jp").build()))
                .withPropertyValues(EXPOSED, "tenantkit.ops.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(TenantOpsEndpoint.class)
                        .doesNotHaveBean(TenantTrafficContributor.class));
    }

    @Test
    void backsOffToTheApplicationsOwnEndpoint() {
        runner.withPropertyValues(EXPOSED, "tenantkit.ops.enabled=true")
                .withBean("ownOpsEndpoint", TenantOpsEndpoint.class, TenantOpsEndpoint::new)
                .run(context -> assertThat(context).hasSingleBean(TenantOpsEndpoint.class).hasBean("ownOpsEndpoint"));
    }

    @Configuration(proxyBeanMethods = false)
    static class RegistryAndMeters {

        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build());
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
