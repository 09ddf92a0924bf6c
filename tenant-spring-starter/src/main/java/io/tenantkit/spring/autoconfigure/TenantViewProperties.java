package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tenant-aware view: locale resolver and per-tenant messages.
 *
 * @param localeResolver whether Spring MVC's {@code localeResolver} follows the tenant (locale and time zone)
 * @param messages whether the {@code messageSource} looks in per-tenant bundles before the shared one
 * @param messagesBasename base name of a tenant's message bundle; {@code {tenant}} stands for its id
 */
@ConfigurationProperties("tenantkit.view")
public record TenantViewProperties(
        @DefaultValue("true") boolean localeResolver,
        @DefaultValue("true") boolean messages,
        @DefaultValue("tenants/{tenant}/messages") String messagesBasename) {
}
