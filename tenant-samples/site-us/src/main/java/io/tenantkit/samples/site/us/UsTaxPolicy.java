package io.tenantkit.samples.site.us;

import java.math.BigDecimal;

import io.tenantkit.samples.marketplace.api.Tax;
import io.tenantkit.samples.marketplace.api.TaxPolicy;

/** The marketplace collects no tax in the US: sales tax is the merchant's to collect and remit. */
final class UsTaxPolicy implements TaxPolicy {

    private static final Tax MERCHANT_COLLECTED = new Tax("sales-tax-collected-by-merchant", BigDecimal.ZERO,
            new BigDecimal("0.00"));

    @Override
    public Tax tax(BigDecimal amount) {
        return MERCHANT_COLLECTED;
    }
}
