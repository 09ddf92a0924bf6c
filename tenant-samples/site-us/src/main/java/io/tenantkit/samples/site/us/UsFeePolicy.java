package io.tenantkit.samples.site.us;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tenantkit.samples.marketplace.api.FeePolicy;

/** 2.9% of the order plus 30 cents. */
final class UsFeePolicy implements FeePolicy {

    private static final BigDecimal RATE = new BigDecimal("0.029");
    private static final BigDecimal FIXED = new BigDecimal("0.30");

    @Override
    public BigDecimal fee(BigDecimal amount) {
        return amount.multiply(RATE).add(FIXED).setScale(2, RoundingMode.HALF_UP);
    }
}
