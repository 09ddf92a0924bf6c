package io.tenantkit.samples.site.jp;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tenantkit.samples.marketplace.api.FeePolicy;

/** 3.6% of the order in whole yen, plus consumption tax on the fee. */
final class JpFeePolicy implements FeePolicy {

    private static final BigDecimal RATE = new BigDecimal("0.036");

    private final ConsumptionTax consumptionTax;

    JpFeePolicy(ConsumptionTax consumptionTax) {
        this.consumptionTax = consumptionTax;
    }

    @Override
    public BigDecimal fee(BigDecimal amount) {
        BigDecimal fee = amount.multiply(RATE).setScale(0, RoundingMode.DOWN);
        return fee.add(consumptionTax.on(fee));
    }
}
