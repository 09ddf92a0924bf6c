package io.tenantkit.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.cache.TenantCacheBuilder;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.spring.cache.TenantCacheManager;
import io.tenantkit.spring.cache.TenantCacheMeterBinderProvider;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Tenant caches: when the application enables Spring's caching ({@code @EnableCaching}) and has Caffeine, a
 * {@link TenantCacheManager} replaces Boot's cache manager, so {@code @Cacheable}, {@code @CachePut} and
 * {@code @CacheEvict} keep each tenant's entries apart ({@code tenantkit.cache.specs.<name>},
 * {@code tenantkit.cache.shared}); with Boot's cache metrics, the tenant caches are bound as well, with per-tenant
 * meters tagged {@code tenant}.
 */
@AutoConfiguration(after = {TenantAutoConfiguration.class, TenantConfigAutoConfiguration.class},
        beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass({Caffeine.class, TenantCacheBuilder.class, CacheManager.class,
    org.springframework.cache.caffeine.CaffeineCache.class})
@ConditionalOnBean({TenantRegistry.class, CacheAspectSupport.class})
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.cache.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantCacheProperties.class)
public final class TenantCacheAutoConfiguration {

    TenantCacheAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean(CacheManager.class)
    TenantCacheManager cacheManager(TenantRegistry registry, TenantCacheProperties properties,
            ObjectProvider<TenantConfigStore> configuration) {
        properties.specs().forEach((name, spec) -> InvalidTenantPropertyException.ifValid("tenantkit.cache.specs." + name,
                "Write a Caffeine spec, such as maximumSize=1000,expireAfterWrite=10m,recordStats (no refreshAfterWrite: "
                        + "Spring's caches have no loader).",
                () -> TenantCacheBuilder.newBuilder(name).spec(spec).build()));
        InvalidTenantPropertyException.ifValid("tenantkit.cache.spec", "Write a Caffeine spec, such as maximumSize=1000.",
                () -> TenantCacheBuilder.newBuilder("default").spec(properties.spec()).build());
        return new TenantCacheManager(registry, properties.specs(), properties.spec(), properties.shared(),
                configuration.getIfAvailable(), properties.allowNullValues());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, org.springframework.boot.cache.metrics.CacheMeterBinderProvider.class})
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantCacheMeterBinderProvider tenantCacheMeterBinderProvider(TenantRegistry registry, TenantCacheProperties properties) {
            return new TenantCacheMeterBinderProvider(properties.tenantMetrics() ? registry : null);
        }
    }
}
