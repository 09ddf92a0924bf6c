package io.tenantkit.spring.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.tenantkit.context.TenantContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;

/** A small application that caches with Spring's annotations and no tenant in its keys. */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableCaching
class CacheTestApplication {

    @Bean
    Catalog catalog() {
        return new Catalog();
    }

    /** Answers per tenant, counting how often each answer is computed. */
    static class Catalog {

        final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

        @Cacheable("prices")
        public String price(String sku) {
            String tenant = TenantContext.require().id().value();
            return tenant + ":" + sku + "#" + loads.computeIfAbsent(tenant + ":" + sku, k -> new AtomicInteger()).incrementAndGet();
        }

        @CachePut(cacheNames = "prices", key = "#sku")
        public String reprice(String sku, String price) {
            return price;
        }

        @CacheEvict("prices")
        public void forget(String sku) {
        }

        @CacheEvict(cacheNames = "prices", allEntries = true)
        public void forgetAll() {
        }

        @Cacheable("currencies")
        public String currencyName(String code) {
            return code + "#" + loads.computeIfAbsent("currency:" + code, k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
