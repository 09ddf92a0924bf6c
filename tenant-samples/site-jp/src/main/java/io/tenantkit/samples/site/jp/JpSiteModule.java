package io.tenantkit.samples.site.jp;

import io.tenantkit.samples.marketplace.api.FeeSettings;
import io.tenantkit.samples.marketplace.api.LocalRail;
import io.tenantkit.samples.marketplace.api.PayoutChannel;
import io.tenantkit.samples.marketplace.api.PayoutSettings;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.extension.TenantModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The jp module: registered in this jar's auto-configuration imports, so adding the jar to the
 * application serves {@code jp} with these extensions; none of them names the tenant.
 */
// tag::module[]
@AutoConfiguration
@TenantModule("jp")
public final class JpSiteModule {

    @Bean
    ConsumptionTax jpConsumptionTax() {
        return new ConsumptionTax();
    }

    @Bean
    JpFeePolicy jpFeePolicy(ConsumptionTax consumptionTax, TenantConfiguration<FeeSettings> fees) {
        return new JpFeePolicy(consumptionTax, fees);
    }

    @Bean
    JpKycPolicy jpKycPolicy() {
        return new JpKycPolicy();
    }

    @Bean
    JpTaxPolicy jpTaxPolicy(ConsumptionTax consumptionTax) {
        return new JpTaxPolicy(consumptionTax);
    }

    @Bean
    ZenginPayoutRouter zenginPayoutRouter() {
        return new ZenginPayoutRouter();
    }

    @Bean
    PayoutChannel zengin(TenantConfiguration<PayoutSettings> payouts) {
        return new LocalRail("zengin", payouts);
    }
}
// end::module[]
