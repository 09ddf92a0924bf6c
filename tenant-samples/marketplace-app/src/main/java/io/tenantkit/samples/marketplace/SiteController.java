package io.tenantkit.samples.marketplace;

import java.math.BigDecimal;
import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.KycPolicy;
import io.tenantkit.samples.marketplace.api.PayoutRouter;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantFormats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers with what the request's tenant selects: its locale, currency and messages, and the answers of
 * the marketplace's extension points, from the site's module where one is on the classpath and from the
 * global defaults otherwise. Under /api/, so the web filter requires a tenant.
 */
@RestController
class SiteController {

    private static final Logger log = LoggerFactory.getLogger(SiteController.class);

    /** The amount every site shows, formatted in its own currency and locale. */
    static final BigDecimal SAMPLE_AMOUNT = new BigDecimal("12345.675");

    /** The rail used where a site has no local payout rail. */
    static final String INTERNATIONAL_WIRE = "international-wire";

    private final MessageSource messages;
    private final FeePolicy fees;
    private final KycPolicy kyc;
    private final ExtensionHandle<PayoutRouter> payouts;

    SiteController(MessageSource messages, FeePolicy fees, KycPolicy kyc, ExtensionHandle<PayoutRouter> payouts) {
        this.messages = messages;
        this.fees = fees;
        this.kyc = kyc;
        this.payouts = payouts;
    }

    // tag::site[]
    @GetMapping("/api/site")
    SiteView site() {
        Tenant tenant = TenantContext.require();
        return new SiteView(tenant.id().value(), tenant.name(), tenant.locale().toLanguageTag(),
                tenant.currency().map(c -> c.getCurrencyCode()).orElse(null), tenant.timeZone().getId(),
                TenantFormats.money(tenant, SAMPLE_AMOUNT),
                messages.getMessage("site.greeting", new Object[] {tenant.name()}, LocaleContextHolder.getLocale()),
                TenantFormats.money(tenant, fees.fee(SAMPLE_AMOUNT)), kyc.requiredDocuments(), payoutRail());
    }
    // end::site[]

    /**
     * Runs before every request this controller serves: one INFO line, and one DEBUG line that shows only
     * when DEBUG is on for the request's tenant (the tenantloggers endpoint) or for the logger.
     */
    @ModelAttribute
    void logRequest() {
        Tenant tenant = TenantContext.require();
        log.info("Site page for {}", tenant.name());
        log.debug("Site page for {}: locale {}, currency {}", tenant.id(), tenant.locale(), tenant.currency().orElse(null));
    }

    private String payoutRail() {
        PayoutRouter router = payouts.currentOrNull();
        return router == null ? INTERNATIONAL_WIRE : router.rail();
    }

    /**
     * What a site shows.
     *
     * @param tenant the tenant id
     * @param name its display name
     * @param locale its locale
     * @param currency its currency code
     * @param timeZone its time zone
     * @param sampleAmount {@link #SAMPLE_AMOUNT} formatted for it
     * @param greeting its greeting, from its own message bundle or the shared one
     * @param merchantFee the fee on {@link #SAMPLE_AMOUNT}, from the site's {@link FeePolicy} or the default
     * @param kycDocuments the documents a merchant submits, from the site's {@link KycPolicy} or the default
     * @param payoutRail the site's payout rail, or {@link #INTERNATIONAL_WIRE} where it has none
     */
    record SiteView(String tenant, String name, String locale, String currency, String timeZone, String sampleAmount,
            String greeting, String merchantFee, List<String> kycDocuments, String payoutRail) {
    }
}
