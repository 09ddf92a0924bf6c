package io.tenantkit.samples.site.us;

import io.tenantkit.samples.marketplace.api.LocalRail;
import io.tenantkit.samples.marketplace.api.PayoutChannel;
import io.tenantkit.samples.marketplace.api.PayoutSettings;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.extension.TenantModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The us module: adding the jar serves {@code us} with these extensions. */
@AutoConfiguration
@TenantModule("us")
public final class UsSiteModule {

    @Bean
    UsFeePolicy usFeePolicy() {
        return new UsFeePolicy();
    }

    @Bean
    UsKycPolicy usKycPolicy() {
        return new UsKycPolicy();
    }

    @Bean
    UsTaxPolicy usTaxPolicy() {
        return new UsTaxPolicy();
    }

    @Bean
    AchPayoutRouter achPayoutRouter() {
        return new AchPayoutRouter();
    }

    @Bean
    PayoutChannel ach(TenantConfiguration<PayoutSettings> payouts) {
        return new LocalRail("ach", payouts);
    }
}
