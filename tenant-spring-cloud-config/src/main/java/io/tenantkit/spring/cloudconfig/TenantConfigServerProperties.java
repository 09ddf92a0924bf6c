package io.tenantkit.spring.cloudconfig;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-tenant configuration from a config server ({@code tenantkit.config.server.*}).
 *
 * @param uri Base URI of the Spring Cloud Config server that holds the tenant documents; setting it turns the adapter
 *        on (it replaces tenantkit.config.dir: set one of the two).
 * @param application Application name under which the config server holds the tenant documents: the document of
 *        tenant jp is the one of this application and profile jp.
 * @param label Label (a Git branch, tag or commit; a folder for the native backend) of the tenant documents; the
 *        server's default label when not set.
 * @param username User name for HTTP Basic authentication against the config server, if it asks for one.
 * @param password Password for HTTP Basic authentication against the config server.
 * @param interval How often the tenant documents are fetched again and changes installed; 0 turns polling off
 *        (refresh only through the tenantconfigserver actuator endpoint or ConfigServerTenantRefresher).
 * @param timeout Connect and read timeout of one request to the config server.
 */
@ConfigurationProperties("tenantkit.config.server")
public record TenantConfigServerProperties(@Nullable URI uri, @DefaultValue("tenants") String application,
        @Nullable String label, @Nullable String username, @Nullable String password,
        @DefaultValue("30s") Duration interval, @DefaultValue("5s") Duration timeout) {
}
