package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantkit.spring.actuate.TenantsEndpoint;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TenantEndpointAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantEndpointAutoConfiguration.class));

    @Test
    void endpointExistsWhenExposed() {
        runner.withUserConfiguration(Registry.class)
                .withPropertyValues("management.endpoints.web.exposure.include=tenants")
                .run(context -> assertThat(context).hasSingleBean(TenantsEndpoint.class));
    }

    @Test
    void endpointIsLeftOutWhenNotExposed() {
        runner.withUserConfiguration(Registry.class)
                .run(context -> assertThat(context).doesNotHaveBean(TenantsEndpoint.class));
    }

    @Test
    void endpointIsLeftOutWhenSwitchedOff() {
        runner.withUserConfiguration(Registry.class)
                .withPropertyValues("management.endpoints.web.exposure.include=tenants",
                        "management.endpoint.tenants.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(TenantsEndpoint.class));
    }

    @Test
    void backsOffWithoutARegistry() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=tenants")
                .run(context -> assertThat(context).doesNotHaveBean(TenantsEndpoint.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build());
        }
    }
}
