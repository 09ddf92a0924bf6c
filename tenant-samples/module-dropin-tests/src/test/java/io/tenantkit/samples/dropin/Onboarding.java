package io.tenantkit.samples.dropin;

import java.math.BigDecimal;
import java.util.List;

import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.KycPolicy;
import io.tenantkit.samples.marketplace.api.PayoutRouter;

/** Shared code: asks the extension points and never names a country. */
// tag::shared[]
public class Onboarding {

    private final FeePolicy fees;
    private final KycPolicy kyc;
    private final ExtensionHandle<PayoutRouter> payouts;

    public Onboarding(FeePolicy fees, KycPolicy kyc, ExtensionHandle<PayoutRouter> payouts) {
        this.fees = fees;
        this.kyc = kyc;
        this.payouts = payouts;
    }

    public BigDecimal fee(BigDecimal amount) {
        return fees.fee(amount);
    }

    public List<String> documents() {
        return kyc.requiredDocuments();
    }

    /** The local rail if the site has one, else an international transfer. */
    public String payoutRail() {
        PayoutRouter router = payouts.currentOrNull();
        return router == null ? "swift" : router.rail();
    }
    // end::shared[]

    FeePolicy feePolicy() {
        return fees;
    }
}
