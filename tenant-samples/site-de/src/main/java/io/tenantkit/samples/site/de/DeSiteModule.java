package io.tenantkit.samples.site.de;

import io.tenantkit.samples.marketplace.api.LocalRail;
import io.tenantkit.samples.marketplace.api.PayoutChannel;
import io.tenantkit.samples.marketplace.api.PayoutSettings;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.extension.TenantModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The de module: adding the jar serves {@code de} with these extensions. Unlike jp and us, the module does not
 * declare its tenant: {@code de} stays declared in the application's {@code tenantkit.tenants.de}, and its
 * configuration is the application's shared defaults (or an operator's {@code de.yml}).
 */
@AutoConfiguration
@TenantModule("de")
public final class DeSiteModule {

    @Bean
    DeTaxPolicy deTaxPolicy() {
        return new DeTaxPolicy();
    }

    @Bean
    DeKycPolicy deKycPolicy() {
        return new DeKycPolicy();
    }

    @Bean
    SepaPayoutRouter sepaPayoutRouter() {
        return new SepaPayoutRouter();
    }

    @Bean
    PayoutChannel sepa(TenantConfiguration<PayoutSettings> payouts) {
        return new LocalRail("sepa", payouts);
    }
}
