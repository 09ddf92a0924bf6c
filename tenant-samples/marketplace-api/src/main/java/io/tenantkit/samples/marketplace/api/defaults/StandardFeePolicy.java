package io.tenantkit.samples.marketplace.api.defaults;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.FeeSettings;
import io.tenantkit.spring.config.TenantConfiguration;

/** The global default fee: the site's {@code marketplace.fees.rate} of the order (5% unless configured). */
final class StandardFeePolicy implements FeePolicy {

    private final TenantConfiguration<FeeSettings> fees;

    StandardFeePolicy(TenantConfiguration<FeeSettings> fees) {
        this.fees = fees;
    }

    @Override
    public BigDecimal fee(BigDecimal amount) {
        return amount.multiply(fees.current().rate()).setScale(2, RoundingMode.HALF_UP);
    }
}
