package io.tenantkit.samples.marketplace;

import java.math.BigDecimal;

import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.samples.marketplace.api.PayoutChannel;
import io.tenantkit.samples.marketplace.api.PayoutSettings;
import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.config.TenantFeature;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantFormats;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payouts to a site's merchants. {@code POST /api/payouts} pays a verified merchant of the site up to the site's
 * limit ({@code marketplace.payouts.limit}) over the first {@link PayoutChannel} of its chain that carries the
 * amount: its local rail up to {@code marketplace.payouts.local-rail-limit}, the international wire above.
 * {@code GET /api/payouts} shows the settings; {@code /api/payouts/instant} is guarded by the feature flag
 * {@code features.instant-payout} (on for jp only): a site without it answers 404
 * ({@code https://tenantkit.io/problems/feature-disabled}).
 */
@RestController
class PayoutController {

    private static final Logger log = LoggerFactory.getLogger(PayoutController.class);

    private final TenantConfiguration<PayoutSettings> payouts;
    private final TenantConfigStore configuration;
    private final ExtensionHandle<PayoutChannel> channels;
    private final Onboarding onboarding;

    PayoutController(TenantConfiguration<PayoutSettings> payouts, TenantConfigStore configuration,
            ExtensionHandle<PayoutChannel> channels, Onboarding onboarding) {
        this.payouts = payouts;
        this.configuration = configuration;
        this.channels = channels;
        this.onboarding = onboarding;
    }

    @GetMapping("/api/payouts")
    PayoutSettingsView settings() {
        BigDecimal limit = payouts.current().limit();
        return new PayoutSettingsView(TenantFormats.money(TenantContext.require(), limit), configuration.isOn("instant-payout"));
    }

    // tag::payout[]
    @PostMapping("/api/payouts")
    @ResponseStatus(HttpStatus.CREATED)
    PayoutView pay(@Valid @RequestBody PayoutRequest request) {
        Tenant site = TenantContext.require();
        BigDecimal amount = Amounts.inCurrencyOf(site, request.amount());
        Onboarding.MerchantView merchant = onboarding.require(request.merchantId());
        if (!merchant.missingDocuments().isEmpty()) {
            throw Problems.problem(HttpStatus.CONFLICT, "kyc-incomplete", "KYC incomplete", "Merchant " + merchant.id()
                    + " cannot be paid out before submitting " + merchant.missingDocuments() + ".");
        }
        BigDecimal limit = payouts.current().limit();
        if (amount.compareTo(limit) > 0) {
            throw Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "payout-limit-exceeded", "Payout limit exceeded",
                    "Site '" + site.id() + "' pays out at most " + TenantFormats.money(site, limit) + " at once.");
        }
        // The site's chain: its local rail first, the global international wire last; the first that carries it wins.
        String channel = channels.firstNonNull(c -> c.carries(amount) ? c.name() : null);
        boolean instant = configuration.isOn("instant-payout");
        log.info("Payout of {} to merchant {} over {}{}", amount.toPlainString(), merchant.id(), channel, instant ? ", instant" : "");
        return new PayoutView(merchant.id(), amount.toPlainString(), TenantFormats.money(site, amount), channel, instant);
    }
    // end::payout[]

    @GetMapping("/api/payouts/instant")
    @TenantFeature("instant-payout")
    public InstantPayoutView instant() {
        return new InstantPayoutView(TenantContext.require().id().value(), "instant payouts are on");
    }

    /**
     * A payout request.
     *
     * @param merchantId the merchant, of the request's site
     * @param amount the amount in the site's currency, such as {@code "300000"}
     */
    record PayoutRequest(long merchantId, @NotNull @DecimalMax("1000000000000") BigDecimal amount) {
    }

    /**
     * A payout, accepted.
     *
     * @param merchantId the merchant paid
     * @param amount the amount, a decimal string in the site's currency
     * @param displayAmount the amount formatted for the site
     * @param channel the channel it goes over, such as {@code zengin} or {@code international-wire}
     * @param instant whether it is paid instantly ({@code features.instant-payout})
     */
    record PayoutView(long merchantId, String amount, String displayAmount, String channel, boolean instant) {
    }

    /**
     * A site's payout settings.
     *
     * @param limit the largest payout, formatted in the site's currency
     * @param instantPayout whether instant payouts are on
     */
    record PayoutSettingsView(String limit, boolean instantPayout) {
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
