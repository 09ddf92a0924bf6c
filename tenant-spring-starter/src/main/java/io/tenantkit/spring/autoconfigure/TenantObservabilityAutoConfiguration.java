package io.tenantkit.spring.autoconfigure;

import io.tenantkit.spring.observability.TenantObservationFilter;
import io.tenantkit.spring.observability.TenantObservationRecorder;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantTagValues;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code tenant} tag on Spring MVC request observations and metrics ({@code http.server.requests}),
 * bounded to the tenants the registry knows: an {@code ObservationFilter}, which Spring Boot registers
 * with its observation registry, and a servlet filter that remembers the request's tenant for it.
 */
@AutoConfiguration(afterName = "io.tenantkit.spring.autoconfigure.TenantAutoConfiguration",
        beforeName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"io.micrometer.observation.ObservationFilter",
        "org.springframework.http.server.observation.ServerRequestObservationContext"})
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.observability.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantObservabilityProperties.class)
public final class TenantObservabilityAutoConfiguration {

    TenantObservabilityAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    static class ServerRequestTagConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantTagValues tenantTagValues(TenantRegistry registry) {
            return new TenantTagValues(registry);
        }

        @Bean
        @ConditionalOnMissingBean
        TenantObservationFilter tenantObservationFilter(TenantTagValues values) {
            return new TenantObservationFilter(values);
        }

        @Bean
        @ConditionalOnMissingBean
        TenantObservationRecorder tenantObservationRecorder() {
            return new TenantObservationRecorder();
        }
    }
}
