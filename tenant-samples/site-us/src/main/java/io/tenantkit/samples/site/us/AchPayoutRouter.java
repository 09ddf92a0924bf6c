package io.tenantkit.samples.site.us;

import io.tenantkit.samples.marketplace.api.PayoutRouter;

/** Payouts in the US go over ACH. */
final class AchPayoutRouter implements PayoutRouter {

    @Override
    public String rail() {
        return "ach";
    }
}
