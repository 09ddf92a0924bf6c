package io.tenantkit.spring.extension.badidmodule;

import io.tenantkit.spring.extension.TenantModule;

import org.springframework.context.annotation.Configuration;

/** Names its tenant in upper case, which is no tenant id: rejected. */
@Configuration(proxyBeanMethods = false)
@TenantModule("JP")
public class BadIdModule {
}
