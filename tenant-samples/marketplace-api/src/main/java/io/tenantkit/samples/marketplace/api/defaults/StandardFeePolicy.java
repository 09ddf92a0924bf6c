package io.tenantkit.samples.marketplace.api.defaults;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tenantkit.samples.marketplace.api.FeePolicy;

/** The global default fee: 5% of the order. */
final class StandardFeePolicy implements FeePolicy {

    private static final BigDecimal RATE = new BigDecimal("0.05");

    @Override
    public BigDecimal fee(BigDecimal amount) {
        return amount.multiply(RATE).setScale(2, RoundingMode.HALF_UP);
    }
}
