package io.tenantkit.samples.marketplace;

import java.math.BigDecimal;

import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.context.TenantContext;
import io.tenantkit.samples.marketplace.api.PayoutSettings;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.config.TenantFeature;
import io.tenantkit.tenant.TenantFormats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A site's payout settings, all configuration: the limit ({@code marketplace.payouts.limit}) and whether
 * instant payouts are on ({@code features.instant-payout}, on for jp only). {@code /api/payouts/instant} is
 * guarded by the flag: a site without it answers 404 ({@code https://tenantkit.io/problems/feature-disabled}).
 */
@RestController
class PayoutController {

    private final TenantConfiguration<PayoutSettings> payouts;
    private final TenantConfigStore configuration;

    PayoutController(TenantConfiguration<PayoutSettings> payouts, TenantConfigStore configuration) {
        this.payouts = payouts;
        this.configuration = configuration;
    }

    @GetMapping("/api/payouts")
    PayoutView payouts() {
        BigDecimal limit = payouts.current().limit();
        return new PayoutView(TenantFormats.money(TenantContext.require(), limit), configuration.isOn("instant-payout"));
    }

    @GetMapping("/api/payouts/instant")
    @TenantFeature("instant-payout")
    public InstantPayoutView instant() {
        return new InstantPayoutView(TenantContext.require().id().value(), "instant payouts are on");
    }

    /**
     * A site's payout settings.
     *
     * @param limit the largest payout, formatted in the site's currency
     * @param instantPayout whether instant payouts are on
     */
    record PayoutView(String limit, boolean instantPayout) {
    }

    /**
     * The answer of the instant-payout endpoint.
     *
     * @param tenant the tenant
     * @param status what it says
     */
    record InstantPayoutView(String tenant, String status) {
    }
}
