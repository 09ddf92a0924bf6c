package io.tenantkit.spring.extension.emptymodule;

import io.tenantkit.spring.extension.TenantModule;

import org.springframework.context.annotation.Configuration;

/** Names no tenant: rejected. */
@Configuration(proxyBeanMethods = false)
@TenantModule({})
public class NoTenantModule {
}
