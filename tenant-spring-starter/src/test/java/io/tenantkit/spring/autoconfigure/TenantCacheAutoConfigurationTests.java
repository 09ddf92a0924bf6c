package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantkit.spring.cache.TenantCacheManager;
import io.tenantkit.spring.cache.TenantCacheMeterBinderProvider;
import io.tenantkit.spring.cache.TenantSpringCache;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TenantCacheAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantCacheAutoConfiguration.class, CacheAutoConfiguration.class))
            .withUserConfiguration(Caching.class);

    @Test
    void theApplicationsCachesAreTenantCachesExceptTheSharedOnes() {
        runner.withPropertyValues("tenantkit.cache.specs.prices=maximumSize=10", "tenantkit.cache.shared=currencies")
                .run(context -> {
                    CacheManager manager = context.getBean(CacheManager.class);
                    assertThat(manager).isInstanceOf(TenantCacheManager.class);
                    assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("prices", "currencies");
                    assertThat(manager.getCache("prices")).isInstanceOf(TenantSpringCache.class);
                    assertThat(manager.getCache("currencies")).isInstanceOf(CaffeineCache.class);
                    assertThat(manager.getCache("other")).as("created on first use").isInstanceOf(TenantSpringCache.class);
                    assertThat(context).hasSingleBean(TenantCacheMeterBinderProvider.class);
                });
    }

    @Test
    void offWithTenantkitCacheEnabledFalse() {
        runner.withPropertyValues("tenantkit.cache.enabled=false")
                .run(context -> assertThat(context.getBean(CacheManager.class)).isNotInstanceOf(TenantCacheManager.class));
    }

    @Test
    void offWithoutEnableCaching() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TenantCacheAutoConfiguration.class))
                .withUserConfiguration(Registry.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CacheManager.class));
    }

    @Test
    void backsOffToTheApplicationsOwnCacheManager() {
        runner.withUserConfiguration(OwnCacheManager.class)
                .run(context -> assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class));
    }

    @Test
    void anInvalidSpecFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.cache.specs.prices=maximumSize=lots").run(context -> assertThat(invalidProperty(context.getStartupFailure()))
                .hasMessageStartingWith("Invalid property tenantkit.cache.specs.prices: Tenant cache 'prices' has an invalid "
                        + "Caffeine spec \"maximumSize=lots\""));
    }

    @Test
    void aSpecThatNeedsALoaderFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.cache.specs.rates=refreshAfterWrite=1m").run(context -> assertThat(invalidProperty(context.getStartupFailure()))
                .hasMessageStartingWith("Invalid property tenantkit.cache.specs.rates: Tenant cache 'rates' cannot be built")
                .hasMessageContaining("no refreshAfterWrite: Spring's caches have no loader"));
    }

    private static InvalidTenantPropertyException invalidProperty(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidTenantPropertyException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidTenantPropertyException in " + failure, failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class Caching extends Registry {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCacheManager {

        @Bean
        CacheManager ownCacheManager() {
            return new ConcurrentMapCacheManager();
        }
    }
}
