package io.tenantkit.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.logging.LogLevel;
import org.springframework.util.unit.DataSize;

/**
 * Tenant log streams: per-tenant levels, per-tenant files and the tenant in Boot's default log patterns.
 *
 * @param enabled Whether per-tenant log levels, the tenantloggers endpoint and the per-tenant WARN and ERROR counter are on.
 * @param levels Log levels per tenant and logger, applied at startup: tenantkit.logging.levels.jp.io.example.payout=DEBUG (the logger 'root' for all).
 * @param files Per-tenant log files.
 * @param pattern The tenant in Spring Boot's default console and file patterns.
 */
@ConfigurationProperties("tenantkit.logging")
public record TenantLoggingProperties(@DefaultValue("true") boolean enabled, Map<String, Map<String, LogLevel>> levels,
        @DefaultValue Files files, @DefaultValue Pattern pattern) {

    /** Replaces absent levels with none. */
    public TenantLoggingProperties {
        levels = levels == null ? Map.of() : levels;
    }

    /**
     * Per-tenant log files.
     *
     * @param enabled Whether every line logged in a tenant scope also goes to the tenant's own file, dir/tenant.log.
     * @param dir The folder of the tenant files, relative to the working directory unless absolute.
     * @param maxOpen The most tenant files open at once; the least recently used is closed when another is needed.
     * @param idleTimeout How long a tenant file stays open without a line.
     * @param queueSize How many lines may wait for the file writer before new ones are dropped (and counted).
     * @param maxFileSize The size at which a tenant file is rolled.
     * @param maxHistory How many days of rolled files are kept per tenant.
     * @param totalSizeCap The most space the rolled files of one tenant take.
     */
    public record Files(@DefaultValue("false") boolean enabled, @DefaultValue("logs/tenants") String dir,
            @DefaultValue("100") int maxOpen, @DefaultValue("10m") Duration idleTimeout,
            @DefaultValue("8192") int queueSize, @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("7") int maxHistory, @DefaultValue("100MB") DataSize totalSizeCap) {
    }

    /**
     * The tenant in Spring Boot's default log patterns.
     *
     * @param enabled Whether Boot's default console and file patterns show the tenant as [jp] unless logging.pattern.correlation is set.
     */
    public record Pattern(@DefaultValue("true") boolean enabled) {
    }
}
