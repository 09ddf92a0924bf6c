package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantkit.spring.observability.TenantObservationFilter;
import io.tenantkit.spring.observability.TenantObservationRecorder;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantTagValues;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TenantObservabilityAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantObservabilityAutoConfiguration.class));

    @Test
    void servletApplicationWithARegistryGetsTheFilterAndTheRecorder() {
        runner.withUserConfiguration(Registry.class).run(context -> assertThat(context)
                .hasSingleBean(TenantObservationFilter.class).hasSingleBean(TenantObservationRecorder.class));
    }

    @Test
    void switchedOffByProperty() {
        runner.withUserConfiguration(Registry.class).withPropertyValues("tenantkit.observability.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TenantObservationFilter.class));
    }

    @Test
    void backsOffWithoutARegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(TenantObservationFilter.class));
    }

    @Test
    void backsOffOutsideAServletApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TenantObservabilityAutoConfiguration.class))
                .withUserConfiguration(Registry.class)
                .run(context -> assertThat(context).doesNotHaveBean(TenantObservationFilter.class));
    }

    @Test
    void backsOffToTheApplicationsOwnFilter() {
        runner.withUserConfiguration(Registry.class, OwnFilter.class).run(context -> assertThat(context)
                .hasSingleBean(TenantObservationFilter.class).hasBean("myTenantFilter"));
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
        TenantObservationFilter myTenantFilter(TenantRegistry registry) {
            return new TenantObservationFilter(new TenantTagValues(registry));
        }
    }
}
