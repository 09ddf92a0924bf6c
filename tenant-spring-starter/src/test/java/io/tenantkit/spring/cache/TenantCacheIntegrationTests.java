package io.tenantkit.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.config.TenantFile;
import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.CacheManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/** Spring's caching annotations over the tenant cache manager, in a real application on a random port. */
@SpringBootTest(classes = CacheTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tenantkit.tenants.jp.name=Japan", "tenantkit.tenants.us.name=United States", "tenantkit.tenants.de.name=Germany",
    "tenantkit.cache.specs.prices=maximumSize=100,recordStats", "tenantkit.cache.shared=currencies",
    "management.endpoints.web.exposure.include=caches", "management.metrics.enable.all=true"})
@DirtiesContext
class TenantCacheIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CacheTestApplication.Catalog catalog;

    @Autowired
    CacheManager cacheManager;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantConfigStore configuration;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void clear() {
        cacheManager.getCacheNames().forEach(name -> cacheManager.getCache(name).clear());
    }

    @Test
    void cacheableKeepsEachTenantsValueApartWithNoTenantInTheKey() {
        assertThat(as("jp", () -> catalog.price("sku-1"))).isEqualTo("jp:sku-1#1");
        assertThat(as("us", () -> catalog.price("sku-1"))).isEqualTo("us:sku-1#1");
        assertThat(as("jp", () -> catalog.price("sku-1"))).as("a hit, jp's own").isEqualTo("jp:sku-1#1");
        assertThat(as("us", () -> catalog.price("sku-1"))).as("a hit, us's own").isEqualTo("us:sku-1#1");
        assertThat(cacheManager).isInstanceOf(TenantCacheManager.class);
    }

    @Test
    void cachePutAndCacheEvictTouchOnlyTheCurrentTenant() {
        as("jp", () -> catalog.price("sku-2"));
        as("us", () -> catalog.price("sku-2"));

        as("jp", () -> catalog.reprice("sku-2", "sale"));
        assertThat(as("jp", () -> catalog.price("sku-2"))).isEqualTo("sale");
        assertThat(as("us", () -> catalog.price("sku-2"))).isEqualTo("us:sku-2#1");

        as("us", () -> {
            catalog.forget("sku-2");
            return null;
        });
        assertThat(as("jp", () -> catalog.price("sku-2"))).isEqualTo("sale");
        assertThat(as("us", () -> catalog.price("sku-2"))).isEqualTo("us:sku-2#2");

        as("jp", () -> {
            catalog.forgetAll();
            return null;
        });
        assertThat(as("jp", () -> catalog.price("sku-2"))).isEqualTo("jp:sku-2#2");
        assertThat(as("us", () -> catalog.price("sku-2"))).as("allEntries clears the current tenant's only").isEqualTo("us:sku-2#2");
    }

    @Test
    void aTenantCacheWithoutATenantFailsClosedNamingTheCache() {
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> catalog.price("sku-3"))
                .withMessageContaining("tenant cache 'prices' needs one");
    }

    @Test
    void aSharedCacheServesEveryTenantAndNoTenantFromOneEntry() {
        assertThat(catalog.currencyName("EUR")).isEqualTo("EUR#1");
        assertThat(as("jp", () -> catalog.currencyName("EUR"))).isEqualTo("EUR#1");
        assertThat(as("us", () -> catalog.currencyName("EUR"))).isEqualTo("EUR#1");
    }

    @Test
    void suspendingATenantDropsItsEntries() {
        as("de", () -> catalog.price("sku-4"));
        as("us", () -> catalog.price("sku-4"));
        Tenant de = registry.require(TenantId.of("de"));
        TenantSpringCache prices = (TenantSpringCache) cacheManager.getCache("prices");
        assertThat(prices.getNativeCache().estimatedSize(de.id())).isEqualTo(1);

        registry.replace(registry.snapshot().with(de.toBuilder().status(TenantStatus.SUSPENDED).build()));
        try {
            assertThat(prices.getNativeCache().tenants()).doesNotContain(de.id()).contains(TenantId.of("us"));
            assertThat(prices.getNativeCache().estimatedSize(de.id())).isZero();
        } finally {
            registry.replace(registry.snapshot().with(de));
        }
        assertThat(as("de", () -> catalog.price("sku-4"))).as("loaded again after reactivation").isEqualTo("de:sku-4#2");
    }

    @Test
    void aTenantsConfigurationSetsItsOwnCapacityAndABadReloadIsRefused() {
        TenantId jp = TenantId.of("jp");
        configuration.update(g -> g.next(g.snapshot(), Map.of(jp, capacityFile("jp", "3"))));
        try {
            for (int i = 0; i < 50; i++) {
                int sku = i;
                as("jp", () -> catalog.price("bulk-" + sku));
                as("us", () -> catalog.price("bulk-" + sku));
            }
            TenantSpringCache prices = (TenantSpringCache) cacheManager.getCache("prices");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                as("jp", () -> prices.get("bulk-0"));
                assertThat(prices.getNativeCache().estimatedSize(jp)).isEqualTo(3);
            });
            assertThat(prices.getNativeCache().estimatedSize(TenantId.of("us"))).isEqualTo(50);

            assertThatExceptionOfType(TenantConfigException.class)
                    .isThrownBy(() -> configuration.update(g -> g.next(g.snapshot(), Map.of(jp, capacityFile("jp", "lots")))))
                    .withMessageContaining("tenant 'jp', property tenantkit.cache.capacity.prices (operator 'jp' jp.yml:1): "
                            + "\"lots\" is not a cache capacity");
            assertThat(configuration.generation().value(jp, "tenantkit.cache.capacity.prices").orElseThrow().value()).isEqualTo("3");
        } finally {
            configuration.update(g -> g.next(g.snapshot(), Map.of(jp, capacityFile("jp", "100"))));
        }
    }

    @Test
    void bootsCacheMetricsAndTheCachesEndpointSeeTheTenantCaches() {
        as("jp", () -> catalog.price("sku-5"));
        as("jp", () -> catalog.price("sku-5"));
        as("us", () -> catalog.price("sku-5"));

        assertThat(meters.get("cache.gets").tag("cache", "prices").tag("result", "hit").functionCounter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("tenantkit.cache.gets").tag("cache", "prices").tag("tenant", "jp").tag("result", "hit")
                .functionCounter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("tenantkit.cache.gets").tag("cache", "prices").tag("tenant", "us").tag("result", "hit")
                .functionCounter().count()).isZero();
        assertThat(meters.find("tenantkit.cache.size").tag("cache", "prices").gauges())
                .extracting(g -> g.getId().getTag("tenant")).containsExactlyInAnyOrder("jp", "us", "de");

        String caches = RestClient.create("http://localhost:" + port).get().uri("/actuator/caches").retrieve().body(String.class);
        assertThat(caches).contains("\"prices\"", "\"currencies\"", "io.tenantkit.cache.CaffeineTenantCache");
    }

    private static <T> T as(String tenant, Supplier<T> action) {
        return TenantContext.supplyAs(Tenant.builder(tenant).build(), action);
    }

    private static TenantFile capacityFile(String tenant, String capacity) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        String key = "tenantkit.cache.capacity.prices";
        values.put(key, new ConfigValue(key, capacity, new ConfigOrigin(ConfigOrigin.OPERATOR, tenant, tenant + ".yml", 1)));
        return new TenantFile(TenantId.of(tenant), tenant + ".yml", Map.of(), values);
    }
}
