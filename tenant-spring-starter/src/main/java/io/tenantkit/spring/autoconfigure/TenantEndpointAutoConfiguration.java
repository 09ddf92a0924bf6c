package io.tenantkit.spring.autoconfigure;

import io.tenantkit.spring.actuate.TenantEndpointContributor;
import io.tenantkit.spring.actuate.TenantsEndpoint;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code tenants} actuator endpoint, when the actuator is present and the endpoint is available
 * (enabled, and exposed, for example with {@code management.endpoints.web.exposure.include=tenants}).
 * {@link TenantEndpointContributor} beans add their details to it.
 */
@AutoConfiguration(afterName = "io.tenantkit.spring.autoconfigure.TenantAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
public final class TenantEndpointAutoConfiguration {

    TenantEndpointAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(TenantsEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantsEndpoint tenantsEndpoint(TenantRegistry registry,
                ObjectProvider<TenantEndpointContributor> contributors) {
            return new TenantsEndpoint(registry, contributors.orderedStream().toList());
        }
    }
}
