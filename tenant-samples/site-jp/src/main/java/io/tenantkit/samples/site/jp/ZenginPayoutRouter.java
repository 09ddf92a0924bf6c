package io.tenantkit.samples.site.jp;

import io.tenantkit.samples.marketplace.api.PayoutRouter;

/** Payouts in Japan go over the Zengin system. */
final class ZenginPayoutRouter implements PayoutRouter {

    @Override
    public String rail() {
        return "zengin";
    }
}
