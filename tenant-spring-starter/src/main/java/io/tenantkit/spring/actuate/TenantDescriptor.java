package io.tenantkit.spring.actuate;

import java.time.ZoneId;
import java.util.Currency;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * One tenant as the {@code tenants} endpoint shows it.
 *
 * @param id the tenant id
 * @param name the display name
 * @param status {@code ACTIVE}, {@code SUSPENDED} or {@code INACTIVE}
 * @param parent the parent's id (a region or group), or null for a root
 * @param locale the locale as an IETF BCP 47 language tag, such as {@code ja-JP}
 * @param currency the ISO 4217 currency code, or null when the tenant has none
 * @param timeZone the time zone id, such as {@code Asia/Tokyo}
 */
public record TenantDescriptor(String id, String name, String status, @Nullable String parent, String locale,
        @Nullable String currency, String timeZone) {

    /** Describes {@code tenant}. */
    static TenantDescriptor of(Tenant tenant) {
        return new TenantDescriptor(tenant.id().value(), tenant.name(), tenant.status().name(),
                tenant.parent().map(TenantId::value).orElse(null), tenant.locale().toLanguageTag(),
                tenant.currency().map(Currency::getCurrencyCode).orElse(null), zone(tenant.timeZone()));
    }

    private static String zone(ZoneId zone) {
        return zone.getId();
    }
}
