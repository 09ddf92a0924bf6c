package io.tenantkit.spring.extension;

import io.tenantkit.extension.UnknownTenantPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of extension dispatch, under {@code tenantkit.extensions}.
 *
 * @param enabled Whether extension point beans are routed by tenant (routers, module binding,
 *        startup validation).
 * @param unknownTenant What to do with an implementation bound to a tenant that is not declared:
 *        'fail' stops startup naming it, 'warn' logs it and ignores the binding.
 */
@ConfigurationProperties("tenantkit.extensions")
public record TenantExtensionProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("fail") UnknownTenantPolicy unknownTenant) {
}
