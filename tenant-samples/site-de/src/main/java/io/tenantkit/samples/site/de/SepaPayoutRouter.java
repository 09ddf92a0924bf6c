package io.tenantkit.samples.site.de;

import io.tenantkit.samples.marketplace.api.PayoutRouter;

/** Payouts in Germany go over SEPA credit transfers. */
final class SepaPayoutRouter implements PayoutRouter {

    @Override
    public String rail() {
        return "sepa";
    }
}
