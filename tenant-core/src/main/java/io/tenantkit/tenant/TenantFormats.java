package io.tenantkit.tenant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;

/**
 * Formats money and dates the way a tenant's site shows them: in its locale, currency and time zone.
 * Code running for the current tenant passes {@code TenantContext.require()}, which fails closed when
 * there is none.
 *
 * <pre>{@code
 * TenantFormats.money(TenantContext.require(), new BigDecimal("1234.5"))   // jp: "￥1,235"   de: "1.234,50 €"
 * TenantFormats.dateTime(tenant, Instant.now())                            // jp: in Asia/Tokyo, Japanese style
 * }</pre>
 */
public final class TenantFormats {

    private TenantFormats() {
    }

    /**
     * {@code amount} in {@code tenant}'s currency and locale, rounded half up to the currency's digits.
     *
     * @throws IllegalStateException if the tenant has no currency
     */
    public static String money(Tenant tenant, BigDecimal amount) {
        Currency currency = tenant.currency().orElseThrow(() -> new IllegalStateException("Tenant '" + tenant.id()
                + "' has no currency, so money cannot be formatted for it. Declare a currency for tenant '" + tenant.id() + "'."));
        NumberFormat format = NumberFormat.getCurrencyInstance(tenant.locale());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** {@code date} in {@code tenant}'s locale, medium style. */
    public static String date(Tenant tenant, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(tenant.locale()).format(date);
    }

    /** {@code instant} in {@code tenant}'s time zone and locale, medium style. */
    public static String dateTime(Tenant tenant, Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(tenant.locale())
                .withZone(tenant.timeZone()).format(instant);
    }
}
