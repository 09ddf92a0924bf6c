package io.tenantkit.samples.dropin;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The test app: shared code ({@link Onboarding}) and the tenants; no line in it names a country
 * module. Which modules serve the sites depends only on the jars on the classpath.
 */
@SpringBootApplication
public class DropInApplication {

    @Bean
    TenantRegistry tenantRegistry() {
        return TenantRegistry.of(
                Tenant.builder("apac").status(TenantStatus.INACTIVE).build(),
                Tenant.builder("jp").parent("apac").currency("JPY").build(),
                Tenant.builder("us").currency("USD").build(),
                Tenant.builder("de").currency("EUR").build());
    }

    @Bean
    Onboarding onboarding(io.tenantkit.samples.marketplace.api.FeePolicy fees,
            io.tenantkit.samples.marketplace.api.KycPolicy kyc,
            io.tenantkit.extension.ExtensionHandle<io.tenantkit.samples.marketplace.api.PayoutRouter> payouts) {
        return new Onboarding(fees, kyc, payouts);
    }
}
