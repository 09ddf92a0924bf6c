package io.tenantkit.samples.marketplace.api.defaults;

import java.math.BigDecimal;

import io.tenantkit.samples.marketplace.api.Tax;
import io.tenantkit.samples.marketplace.api.TaxPolicy;

/** The global default: the marketplace collects no tax where a site has no tax policy of its own. */
final class StandardTaxPolicy implements TaxPolicy {

    private static final Tax NONE = new Tax("none", BigDecimal.ZERO, BigDecimal.ZERO);

    @Override
    public Tax tax(BigDecimal amount) {
        return NONE;
    }
}
