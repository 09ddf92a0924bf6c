package io.tenantkit.spring.cloudconfig;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.spring.autoconfigure.TenantAutoConfiguration;
import io.tenantkit.spring.autoconfigure.TenantConfigAutoConfiguration;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The operator layer of every tenant from a Spring Cloud Config server, when {@code tenantkit.config.server.uri} is
 * set (and {@code tenantkit.config.dir} is not: startup fails if both are): the {@link ConfigServerTenantSource}
 * (the {@code TenantConfigSource} the starter's store reads at startup, failing startup if a document cannot be read
 * or is invalid), the {@link ConfigServerTenantRefresher} (polling and on demand), the
 * {@code tenantkit.config.reloads} counters and the {@code tenantconfigserver} actuator endpoint.
 */
@AutoConfiguration(after = TenantAutoConfiguration.class, before = TenantConfigAutoConfiguration.class)
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@Conditional(OnConfigServerCondition.class)
@EnableConfigurationProperties(TenantConfigServerProperties.class)
public final class TenantConfigServerAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TenantConfigServerAutoConfiguration.class);

    TenantConfigServerAutoConfiguration() {
    }

    /** The source of the operator layer: every tenant of the registry, asked for by id. */
    @Bean
    @ConditionalOnMissingBean
    ConfigServerTenantSource configServerTenantSource(TenantConfigServerProperties properties, TenantRegistry registry) {
        return new ConfigServerTenantSource(properties, () -> registry.snapshot().all().stream().map(Tenant::id).toList(),
                LOG::warn);
    }

    /** Fetches the documents again every {@code tenantkit.config.server.interval} and on demand. */
    @Bean
    @ConditionalOnMissingBean
    ConfigServerTenantRefresher configServerTenantRefresher(ConfigServerTenantSource source, TenantConfigStore store,
            TenantRegistry registry, TenantConfigServerProperties properties) {
        return new ConfigServerTenantRefresher(source, store, registry, properties.interval());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class RefreshMetricsConfiguration {

        /** {@code tenantkit.config.reloads} with {@code result=success|failure}, as for the operator directory. */
        @Bean
        @ConditionalOnMissingBean(name = "tenantConfigServerReloadMeters")
        Object tenantConfigServerReloadMeters(MeterRegistry meters, ConfigServerTenantRefresher refresher) {
            return List.of(
                    FunctionCounter.builder("tenantkit.config.reloads", refresher, ConfigServerTenantRefresher::successes)
                            .tag("result", "success").description("Operator tenant files reloaded and installed").register(meters),
                    FunctionCounter.builder("tenantkit.config.reloads", refresher, ConfigServerTenantRefresher::failures)
                            .tag("result", "failure").description("Operator tenant files rejected").register(meters));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(TenantConfigServerEndpoint.class)
        TenantConfigServerEndpoint tenantConfigServerEndpoint(ConfigServerTenantSource source, ConfigServerTenantRefresher refresher) {
            return new TenantConfigServerEndpoint(source, refresher);
        }
    }
}
