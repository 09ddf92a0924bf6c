package io.tenantkit.spring.autoconfigure;

import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.spring.extension.ExtensionBeanBinder;
import io.tenantkit.spring.extension.ExtensionBeanRegistrar;
import io.tenantkit.spring.extension.ExtensionEndpointContributor;
import io.tenantkit.spring.extension.TenantExtensionProperties;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Extension dispatch for Spring: an {@link ExtensionRegistry} over the {@link TenantRegistry}, a
 * primary router bean per extension point (shared code injects the interface and reaches the current
 * tenant's implementation), {@code ExtensionHandle<T>} beans for reducers, and binding of every
 * implementation bean at startup, validated; with Spring Boot Actuator, the resolution matrix in the
 * {@code tenants} endpoint. Off with {@code tenantkit.extensions.enabled=false}.
 */
@AutoConfiguration(afterName = "io.tenantkit.spring.autoconfigure.TenantAutoConfiguration")
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.extensions.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantExtensionProperties.class)
@Import({TenantExtensionAutoConfiguration.ExtensionConfiguration.class,
        TenantExtensionAutoConfiguration.EndpointContributorConfiguration.class})
public final class TenantExtensionAutoConfiguration {

    TenantExtensionAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    static class ExtensionConfiguration {

        @Bean
        @ConditionalOnMissingBean
        static ExtensionBeanRegistrar tenantExtensionBeanRegistrar() {
            return new ExtensionBeanRegistrar();
        }

        @Bean
        @ConditionalOnMissingBean
        ExtensionRegistry tenantExtensionRegistry(TenantRegistry tenants, TenantExtensionProperties properties) {
            return ExtensionRegistry.builder(tenants).unknownTenants(properties.unknownTenant()).build();
        }

        @Bean
        @ConditionalOnMissingBean
        ExtensionBeanBinder tenantExtensionBeanBinder(ExtensionRegistry registry) {
            return new ExtensionBeanBinder(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class EndpointContributorConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ExtensionEndpointContributor tenantExtensionEndpointContributor(ExtensionRegistry registry) {
            return new ExtensionEndpointContributor(registry);
        }
    }
}
