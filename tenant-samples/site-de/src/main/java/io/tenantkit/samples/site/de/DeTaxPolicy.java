package io.tenantkit.samples.site.de;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tenantkit.samples.marketplace.api.Tax;
import io.tenantkit.samples.marketplace.api.TaxPolicy;

/** The marketplace collects Germany's 19% VAT (Umsatzsteuer) on every order, in euro cents. */
final class DeTaxPolicy implements TaxPolicy {

    private static final BigDecimal RATE = new BigDecimal("0.19");

    @Override
    public Tax tax(BigDecimal amount) {
        return new Tax("vat", RATE, amount.multiply(RATE).setScale(2, RoundingMode.HALF_UP));
    }
}
