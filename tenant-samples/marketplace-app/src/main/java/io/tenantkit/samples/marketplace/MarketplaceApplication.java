package io.tenantkit.samples.marketplace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The sample marketplace: one app serving several country sites. {@code @EnableCaching} turns on Spring's caches,
 * which TenantKit keeps per tenant (see {@link KycRequirements}).
 */
@SpringBootApplication
@EnableCaching
public class MarketplaceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketplaceApplication.class, args);
    }
}
