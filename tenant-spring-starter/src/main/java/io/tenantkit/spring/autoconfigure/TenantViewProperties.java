package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tenant-aware view: locale resolver and per-tenant messages.
 *
 * @param localeResolver Whether Spring MVC's locale resolver follows the tenant's locale and time zone.
 * @param messages Whether the message source looks in the tenant's own message bundles before the
 *        shared one.
 * @param messagesBasename Base name of a tenant's message bundle, in which '{tenant}' stands for the
 *        tenant id.
 */
@ConfigurationProperties("tenantkit.view")
public record TenantViewProperties(
        @DefaultValue("true") boolean localeResolver,
        @DefaultValue("true") boolean messages,
        @DefaultValue("tenants/{tenant}/messages") String messagesBasename) {
}
