package io.tenantkit.samples.site.jp;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Japan's 10% consumption tax in whole yen. A bean of this module, for this module only. */
final class ConsumptionTax {

    static final BigDecimal RATE = new BigDecimal("0.10");

    BigDecimal on(BigDecimal amount) {
        return amount.multiply(RATE).setScale(0, RoundingMode.DOWN);
    }
}
