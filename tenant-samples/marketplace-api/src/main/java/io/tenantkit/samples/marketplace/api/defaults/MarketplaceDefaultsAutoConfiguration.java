package io.tenantkit.samples.marketplace.api.defaults;

import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.KycPolicy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Declares the global defaults: implementation beans outside any tenant module and without
 * {@code @Extension} tenants are bound to no tenant. {@code PayoutRouter} is optional and has none.
 */
@AutoConfiguration
public final class MarketplaceDefaultsAutoConfiguration {

    @Bean
    FeePolicy standardFeePolicy() {
        return new StandardFeePolicy();
    }

    @Bean
    KycPolicy standardKycPolicy() {
        return new StandardKycPolicy();
    }
}
