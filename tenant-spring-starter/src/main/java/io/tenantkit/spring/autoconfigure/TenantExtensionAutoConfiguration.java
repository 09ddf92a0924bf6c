package io.tenantkit.spring.autoconfigure;

import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.spring.extension.ExtensionConfigurations;
import io.tenantkit.spring.extension.TenantExtensionProperties;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
 * {@code tenants} endpoint ({@link ExtensionConfigurations}). Off with {@code tenantkit.extensions.enabled=false}.
 */
@AutoConfiguration(afterName = "io.tenantkit.spring.autoconfigure.TenantAutoConfiguration")
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.extensions.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantExtensionProperties.class)
@Import({TenantExtensionAutoConfiguration.RegistryConfiguration.class, ExtensionConfigurations.class})
public final class TenantExtensionAutoConfiguration {

    TenantExtensionAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    static class RegistryConfiguration {

        /** Built without bindings: the binder installs the implementation beans once they exist. */
        @Bean
        @ConditionalOnMissingBean
        ExtensionRegistry tenantExtensionRegistry(TenantRegistry tenants, TenantExtensionProperties properties) {
            return ExtensionRegistry.builder(tenants).unknownTenants(properties.unknownTenant()).build();
        }
    }
}
