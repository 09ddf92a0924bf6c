package io.tenantkit.spring.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

/**
 * Formats money and dates the way a tenant's site shows them: in its locale, currency and time zone.
 * The one-argument methods use the current tenant and fail closed without one.
 *
 * <pre>{@code
 * TenantFormats.money(new BigDecimal("1234.5"))    // jp: "￥1,235"   de: "1.234,50 €"
 * TenantFormats.dateTime(Instant.now())            // jp: in Asia/Tokyo, Japanese style
 * }</pre>
 */
public final class TenantFormats {

    private TenantFormats() {
    }

    /**
     * {@code amount} in the current tenant's currency and locale, rounded half up to the currency's
     * digits.
     *
     * @throws io.tenantkit.context.MissingTenantException if no tenant is current
     * @throws IllegalStateException if the tenant has no currency
     */
    public static String money(BigDecimal amount) {
        return money(current("TenantFormats.money"), amount);
    }

    /**
     * {@code amount} in {@code tenant}'s currency and locale, rounded half up to the currency's digits.
     *
     * @throws IllegalStateException if the tenant has no currency
     */
    public static String money(Tenant tenant, BigDecimal amount) {
        Currency currency = tenant.currency().orElseThrow(() -> new IllegalStateException("Tenant '" + tenant.id()
                + "' has no currency, so money cannot be formatted for it. Set tenantkit.tenants." + tenant.id() + ".currency."));
        NumberFormat format = NumberFormat.getCurrencyInstance(tenant.locale());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** {@code date} in the current tenant's locale, medium style. */
    public static String date(LocalDate date) {
        return date(current("TenantFormats.date"), date);
    }

    /** {@code date} in {@code tenant}'s locale, medium style. */
    public static String date(Tenant tenant, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(tenant.locale()).format(date);
    }

    /** {@code instant} in the current tenant's time zone and locale, medium style. */
    public static String dateTime(Instant instant) {
        return dateTime(current("TenantFormats.dateTime"), instant);
    }

    /** {@code instant} in {@code tenant}'s time zone and locale, medium style. */
    public static String dateTime(Tenant tenant, Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(tenant.locale())
                .withZone(tenant.timeZone()).format(instant);
    }

    private static Tenant current(String what) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            throw TenantContext.missing(what);
        }
        return tenant;
    }
}
