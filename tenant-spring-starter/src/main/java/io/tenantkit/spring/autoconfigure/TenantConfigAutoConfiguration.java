package io.tenantkit.spring.autoconfigure;

import io.tenantkit.config.TenantConfigDirectory;
import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.config.TenantConfigListener;
import io.tenantkit.config.TenantConfigSource;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.config.TenantFile;
import io.tenantkit.spring.config.EnvironmentConfigDefaults;
import io.tenantkit.spring.config.ModuleTenantFiles;
import io.tenantkit.spring.config.TenantConfigEndpointContributor;
import io.tenantkit.spring.config.TenantConfigReloader;
import io.tenantkit.spring.config.TenantConfigurationBinder;
import io.tenantkit.spring.config.TenantConfigurationChangedEvent;
import io.tenantkit.spring.config.TenantFeatureBeanPostProcessor;
import io.tenantkit.spring.config.TenantFeatureProblemAdvice;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Per-tenant configuration: the {@link TenantConfigStore} (module tenant files, the operator directory
 * {@code tenantkit.config.dir}, the {@code Environment} as shared defaults), typed binding of
 * {@code @TenantConfigurationProperties} classes, the reloader of the operator directory, feature-flag guards,
 * the reload counters and the {@code configuration} details of {@code /actuator/tenants/{id}}.
 */
@AutoConfiguration(after = TenantAutoConfiguration.class)
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantConfigProperties.class)
public final class TenantConfigAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TenantConfigAutoConfiguration.class);

    TenantConfigAutoConfiguration() {
    }

    /**
     * The store: every tenant's layers; follows the registry (a new snapshot is configured, bound and validated
     * before it is installed, and vetoed if invalid) and announces each change as a
     * {@link TenantConfigurationChangedEvent}.
     */
    @Bean
    @ConditionalOnMissingBean
    TenantConfigStore tenantConfigStore(TenantRegistry registry, ObjectProvider<ModuleTenantFiles> modules,
            ObjectProvider<TenantConfigSource> source, Environment environment, ApplicationEventPublisher events) {
        TenantConfigSource operators = source.getIfAvailable();
        Map<TenantId, TenantFile> files = operators == null ? Map.of() : operators.readAll();
        files.values().forEach(file -> TenantConfigReloader.applyStatus(registry, file));
        ModuleTenantFiles shipped = modules.getIfAvailable();
        Map<TenantId, TenantFile> moduleFiles = shipped == null ? Map.of() : shipped.files();
        TenantConfigStore store = new TenantConfigStore(TenantConfigGeneration.of(registry.snapshot(), moduleFiles, files,
                new EnvironmentConfigDefaults(environment)));
        registry.addListener(new TenantRegistryListener() {
            @Override
            public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
                store.update(g -> g.next(next, Map.of()));
            }

            @Override
            public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
            }
        });
        store.addListener(new TenantConfigListener() {
            @Override
            public void afterChange(TenantConfigGeneration previous, TenantConfigGeneration current, Set<TenantId> changed) {
                events.publishEvent(new TenantConfigurationChangedEvent(store, current, changed));
            }
        });
        return store;
    }

    /** The binder of every {@code @TenantConfigurationProperties} class; fails startup listing every violation. */
    @Bean
    @ConditionalOnMissingBean
    TenantConfigurationBinder tenantConfigurationBinder(TenantConfigStore store, ConfigurableEnvironment environment,
            ListableBeanFactory beans) {
        return TenantConfigurationBinder.create(store, environment, beans);
    }

    /** Guards {@code @TenantFeature} methods. */
    @Bean
    @ConditionalOnMissingBean
    static TenantFeatureBeanPostProcessor tenantFeatureBeanPostProcessor(ObjectProvider<TenantConfigStore> store) {
        return new TenantFeatureBeanPostProcessor(store);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("tenantkit.config.dir")
    static class OperatorDirectoryConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantConfigDirectory tenantConfigDirectory(TenantConfigProperties properties) {
            return new TenantConfigDirectory(properties.dir(), LOG::warn);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBooleanProperty(name = "tenantkit.config.watch", matchIfMissing = true)
        TenantConfigReloader tenantConfigReloader(TenantConfigDirectory directory, TenantConfigStore store,
                TenantRegistry registry, TenantConfigProperties properties) {
            return new TenantConfigReloader(directory, store, registry, properties.interval());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean({MeterRegistry.class, TenantConfigReloader.class})
    static class ReloadMetricsConfiguration {

        /** {@code tenantkit.config.reloads} with {@code result=success|failure}. */
        @Bean
        @ConditionalOnMissingBean(name = "tenantConfigReloadMeters")
        Object tenantConfigReloadMeters(MeterRegistry meters, TenantConfigReloader reloader) {
            return java.util.List.of(
                    FunctionCounter.builder("tenantkit.config.reloads", reloader, TenantConfigReloader::successes)
                            .tag("result", "success").description("Operator tenant files reloaded and installed").register(meters),
                    FunctionCounter.builder("tenantkit.config.reloads", reloader, TenantConfigReloader::failures)
                            .tag("result", "failure").description("Operator tenant files rejected").register(meters));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestControllerAdvice")
    static class FeatureProblemConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantFeatureProblemAdvice tenantFeatureProblemAdvice() {
            return new TenantFeatureProblemAdvice();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.Sanitizer")
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantConfigEndpointContributor tenantConfigEndpointContributor(TenantConfigStore store,
                ObjectProvider<SanitizingFunction> functions, Environment environment) {
            Show show = Binder.get(environment).bind("management.endpoint.tenants.show-values", Show.class).orElse(Show.NEVER);
            return new TenantConfigEndpointContributor(store, new Sanitizer(functions.orderedStream().toList()), show);
        }
    }
}
