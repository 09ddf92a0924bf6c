package io.tenantkit.samples.marketplace;

import java.math.BigDecimal;

import io.tenantkit.context.TenantContext;
import io.tenantkit.spring.view.TenantFormats;
import io.tenantkit.tenant.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers with what the request's tenant selects. Under /api/, so the web filter requires a tenant. */
@RestController
class SiteController {

    /** The amount every site shows, formatted in its own currency and locale. */
    static final BigDecimal SAMPLE_AMOUNT = new BigDecimal("12345.675");

    private final MessageSource messages;

    SiteController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/api/site")
    SiteView site() {
        Tenant tenant = TenantContext.require();
        return new SiteView(tenant.id().value(), tenant.name(), tenant.locale().toLanguageTag(),
                tenant.currency().map(c -> c.getCurrencyCode()).orElse(null), tenant.timeZone().getId(),
                TenantFormats.money(SAMPLE_AMOUNT),
                messages.getMessage("site.greeting", new Object[] {tenant.name()}, LocaleContextHolder.getLocale()));
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
     */
    record SiteView(String tenant, String name, String locale, String currency, String timeZone, String sampleAmount,
            String greeting) {
    }
}
