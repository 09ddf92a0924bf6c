package io.tenantkit.spring.autoconfigure;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.logging.TenantFileAppender;
import io.tenantkit.logging.TenantLevelFilter;
import io.tenantkit.spring.logging.TenantLogMetrics;
import io.tenantkit.spring.logging.TenantLogbackInstaller;
import io.tenantkit.spring.logging.TenantLoggersEndpoint;
import io.tenantkit.tenant.TenantTagValues;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.UnknownTenantException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

/**
 * Tenant log streams on Logback: per-tenant levels ({@code tenantkit.logging.levels.*} at startup, the
 * {@code tenantloggers} endpoint at runtime), per-tenant files when {@code tenantkit.logging.files.enabled=true}
 * (or declared in the application's own Logback configuration with {@code io/tenantkit/logging/tenant-files.xml}),
 * and, with Micrometer, a counter of WARN and ERROR events by tenant and the tenant files' metrics.
 */
@AutoConfiguration(afterName = {"io.tenantkit.spring.autoconfigure.TenantAutoConfiguration",
    "io.tenantkit.spring.autoconfigure.TenantObservabilityAutoConfiguration"})
@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantLoggingProperties.class)
public final class TenantLoggingAutoConfiguration {

    TenantLoggingAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    static class LogbackConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantLevelFilter tenantLevelFilter() {
            return new TenantLevelFilter();
        }

        @Bean
        @ConditionalOnMissingBean
        TenantLogbackInstaller tenantLogbackInstaller(TenantLevelFilter filter, TenantRegistry registry,
                TenantLoggingProperties properties) {
            TenantLoggingProperties.Files files = properties.files();
            Supplier<TenantFileAppender> appender = files.enabled() ? () -> fileAppender(files) : null;
            TenantLogbackInstaller installer = new TenantLogbackInstaller(filter, registry, appender);
            filter.bindTo(registry);
            applyLevels(filter, properties.levels());
            installer.install();
            return installer;
        }

        private static TenantFileAppender fileAppender(TenantLoggingProperties.Files files) {
            TenantFileAppender appender = new TenantFileAppender();
            appender.setDir(files.dir());
            appender.setMaxOpenFiles(files.maxOpen());
            appender.setIdleTimeout(Duration.buildByMilliseconds(files.idleTimeout().toMillis()));
            appender.setQueueSize(files.queueSize());
            appender.setMaxFileSize(new FileSize(files.maxFileSize().toBytes()));
            appender.setMaxHistory(files.maxHistory());
            appender.setTotalSizeCap(new FileSize(files.totalSizeCap().toBytes()));
            return appender;
        }

        private static void applyLevels(TenantLevelFilter filter, Map<String, Map<String, LogLevel>> levels) {
            levels.forEach((tenant, loggers) -> loggers.forEach((logger, level) -> {
                String property = "tenantkit.logging.levels." + tenant + "." + logger;
                try {
                    filter.configure(TenantId.of(tenant), logger, level.name(), null);
                } catch (IllegalArgumentException | UnknownTenantException e) {
                    throw new InvalidTenantPropertyException(property, String.valueOf(e.getMessage()),
                            "Name a tenant the registry declares and a logger name, such as "
                                    + "tenantkit.logging.levels.jp.io.example.payout=DEBUG.", e);
                }
            }));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantLogMetrics tenantLogMetrics(ObjectProvider<TenantTagValues> tags, TenantRegistry registry,
                TenantLogbackInstaller installer) {
            TenantLogMetrics metrics = new TenantLogMetrics(tags.getIfAvailable(() -> new TenantTagValues(registry)),
                    installer);
            installer.countEvents(metrics);
            return metrics;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnAvailableEndpoint(TenantLoggersEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantLoggersEndpoint tenantLoggersEndpoint(TenantLevelFilter filter, TenantRegistry registry) {
            return new TenantLoggersEndpoint(filter, registry);
        }
    }
}
