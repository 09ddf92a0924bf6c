package io.tenantkit.samples.site.jp;

import java.math.BigDecimal;

import io.tenantkit.samples.marketplace.api.Tax;
import io.tenantkit.samples.marketplace.api.TaxPolicy;

/** The marketplace collects Japan's 10% consumption tax on every order, in whole yen. */
final class JpTaxPolicy implements TaxPolicy {

    private final ConsumptionTax consumptionTax;

    JpTaxPolicy(ConsumptionTax consumptionTax) {
        this.consumptionTax = consumptionTax;
    }

    @Override
    public Tax tax(BigDecimal amount) {
        return new Tax("consumption-tax", ConsumptionTax.RATE, consumptionTax.on(amount));
    }
}
