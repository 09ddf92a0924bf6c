package io.tenantkit.samples.dropin;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The test app: shared code ({@link Onboarding}); its tenants are declared in application.properties (the
 * modules' own tenant files add what they declare, such as br). No line in it names a country module.
 * Which modules serve the sites depends only on the jars on the classpath.
 */
@SpringBootApplication
public class DropInApplication {

    @Bean
    Onboarding onboarding(io.tenantkit.samples.marketplace.api.FeePolicy fees,
            io.tenantkit.samples.marketplace.api.KycPolicy kyc,
            io.tenantkit.extension.ExtensionHandle<io.tenantkit.samples.marketplace.api.PayoutRouter> payouts) {
        return new Onboarding(fees, kyc, payouts);
    }
}
