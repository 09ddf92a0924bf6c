package io.tenantkit.samples.marketplace.api.defaults;

import java.math.BigDecimal;

import io.tenantkit.samples.marketplace.api.PayoutChannel;

/** The global default payout channel, last in every site's chain: an international wire carries any amount. */
final class InternationalWire implements PayoutChannel {

    @Override
    public String name() {
        return "international-wire";
    }

    @Override
    public boolean carries(BigDecimal amount) {
        return true;
    }
}
