package io.tenantkit.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.spring.ops.TenantOpsEndpoint;
import io.tenantkit.spring.ops.TenantTrafficContributor;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
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
 * The operations page for SREs, when {@code tenantkit.ops.enabled=true} (off by default) and the
 * {@code tenantops} endpoint is exposed: the {@code tenantops} web endpoint that serves it and, with Micrometer,
 * the per-tenant request counts it shows ({@code details.traffic} of {@code /actuator/tenants}). Its security
 * headers are added in whichever context serves the actuator ({@link TenantOpsManagementContextConfiguration}).
 */
@AutoConfiguration(afterName = {"io.tenantkit.spring.autoconfigure.TenantAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.ops.enabled")
@EnableConfigurationProperties(TenantOpsProperties.class)
public final class TenantOpsAutoConfiguration {

    TenantOpsAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(TenantOpsEndpoint.class)
    static class PageConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantOpsEndpoint tenantOpsEndpoint() {
            return new TenantOpsEndpoint();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnAvailableEndpoint(TenantOpsEndpoint.class)
    static class TrafficConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantTrafficContributor tenantTrafficContributor(MeterRegistry meters) {
            return new TenantTrafficContributor(meters);
        }
    }
}
