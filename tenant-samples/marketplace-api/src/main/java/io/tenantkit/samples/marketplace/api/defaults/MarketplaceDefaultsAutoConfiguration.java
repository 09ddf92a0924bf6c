package io.tenantkit.samples.marketplace.api.defaults;

import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.FeeSettings;
import io.tenantkit.samples.marketplace.api.KycPolicy;
import io.tenantkit.samples.marketplace.api.PayoutChannel;
import io.tenantkit.samples.marketplace.api.PayoutSettings;
import io.tenantkit.samples.marketplace.api.TaxPolicy;
import io.tenantkit.spring.config.EnableTenantConfigurationProperties;
import io.tenantkit.spring.config.TenantConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Declares the global defaults: implementation beans outside any tenant module and without
 * {@code @Extension} tenants are bound to no tenant. {@code PayoutRouter} is optional and has none; the
 * international wire is the last {@code PayoutChannel} of every site.
 */
@AutoConfiguration
@EnableTenantConfigurationProperties({FeeSettings.class, PayoutSettings.class})
public final class MarketplaceDefaultsAutoConfiguration {

    @Bean
    FeePolicy standardFeePolicy(TenantConfiguration<FeeSettings> fees) {
        return new StandardFeePolicy(fees);
    }

    @Bean
    KycPolicy standardKycPolicy() {
        return new StandardKycPolicy();
    }

    @Bean
    TaxPolicy standardTaxPolicy() {
        return new StandardTaxPolicy();
    }

    @Bean
    PayoutChannel internationalWire() {
        return new InternationalWire();
    }
}
