package io.tenantkit.samples.sitebr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.FeeSettings;
import io.tenantkit.samples.marketplace.api.KycPolicy;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.extension.TenantModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A site-br module as a jar would ship it, in this module's test class path: this class (listed in
 * META-INF/spring/...AutoConfiguration.imports), tenants/br/tenant.yml (declares br, sets its fee rate) and
 * tenants/br/messages.properties. No shared file names br.
 */
@AutoConfiguration
@TenantModule("br")
public final class BrSiteModule {

    @Bean
    FeePolicy brFeePolicy(TenantConfiguration<FeeSettings> fees) {
        // The configured rate plus a fixed R$ 0.50 per order.
        return amount -> amount.multiply(fees.current().rate()).add(new BigDecimal("0.50")).setScale(2, RoundingMode.HALF_UP);
    }

    @Bean
    KycPolicy brKycPolicy() {
        return () -> List.of("cnpj-card", "contrato-social");
    }
}
