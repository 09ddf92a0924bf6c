package io.tenantkit.spring.extension;

import io.tenantkit.extension.ExtensionRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The beans that route extension points in Spring: the router and handle registrar, the binder of
 * implementation beans and, with Spring Boot Actuator, the endpoint contribution. Imported by
 * TenantKit's {@code TenantExtensionAutoConfiguration}, which also defines the {@link ExtensionRegistry};
 * not meant to be imported on its own.
 */
@Configuration(proxyBeanMethods = false)
@Import({ExtensionConfigurations.Binding.class, ExtensionConfigurations.Endpoint.class})
public final class ExtensionConfigurations {

    ExtensionConfigurations() {
    }

    @Configuration(proxyBeanMethods = false)
    static class Binding {

        @Bean
        @ConditionalOnMissingBean
        static ExtensionBeanRegistrar tenantExtensionBeanRegistrar() {
            return new ExtensionBeanRegistrar();
        }

        @Bean
        @ConditionalOnMissingBean
        ExtensionBeanBinder tenantExtensionBeanBinder(ExtensionRegistry registry) {
            return new ExtensionBeanBinder(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class Endpoint {

        @Bean
        @ConditionalOnMissingBean
        ExtensionEndpointContributor tenantExtensionEndpointContributor(ExtensionRegistry registry) {
            return new ExtensionEndpointContributor(registry);
        }
    }
}
