package io.tenantkit.spring.autoconfigure;

import io.tenantkit.spring.ops.TenantOpsPageHeaders;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The operations page's security headers ({@link TenantOpsPageHeaders}) on its path, in the context that serves
 * the actuator: the application's own, or the child context of a separate {@code management.server.port}.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.ops.enabled")
public final class TenantOpsManagementContextConfiguration {

    TenantOpsManagementContextConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(name = "tenantOpsPageHeaders")
    FilterRegistrationBean<TenantOpsPageHeaders> tenantOpsPageHeaders(ObjectProvider<PathMappedEndpoints> endpoints) {
        FilterRegistrationBean<TenantOpsPageHeaders> registration = new FilterRegistrationBean<>(new TenantOpsPageHeaders());
        PathMappedEndpoints mapped = endpoints.getIfAvailable();
        String path = mapped == null ? null : mapped.getPath(EndpointId.of("tenantops"));
        if (path == null) {
            registration.setEnabled(false);
        } else {
            registration.addUrlPatterns(path + "/*");
        }
        return registration;
    }
}
