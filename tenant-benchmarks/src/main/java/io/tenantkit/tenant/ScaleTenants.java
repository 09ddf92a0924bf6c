package io.tenantkit.tenant;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Declarations of {@code n} config-only tenants, shaped like real country sites: a region parent (one of
 * eight INACTIVE regions under an INACTIVE {@code global}), a display name, a locale, a currency, a time
 * zone and two attributes.
 */
final class ScaleTenants {

    private static final String[] CURRENCIES = {"JPY", "USD", "EUR", "GBP", "SGD", "BRL", "INR", "AUD"};
    private static final Locale[] LOCALES = {Locale.JAPAN, Locale.US, Locale.GERMANY, Locale.UK,
            Locale.forLanguageTag("en-SG"), Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("hi-IN"),
            Locale.forLanguageTag("en-AU")};
    private static final ZoneId[] ZONES = {ZoneId.of("Asia/Tokyo"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/London"), ZoneId.of("Asia/Singapore"),
            ZoneId.of("America/Sao_Paulo"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Sydney")};
    static final int REGIONS = 8;

    private ScaleTenants() {
    }

    /** The groups: {@code global} and its eight regions, all INACTIVE. */
    static List<Tenant> groups() {
        List<Tenant> groups = new ArrayList<>(REGIONS + 1);
        groups.add(Tenant.builder("global").status(TenantStatus.INACTIVE).build());
        for (int r = 0; r < REGIONS; r++) {
            groups.add(Tenant.builder("region-" + r).parent("global").status(TenantStatus.INACTIVE).build());
        }
        return groups;
    }

    /** {@code n} active sites ({@code site-00001} ...), spread over the regions, after the groups. */
    static List<Tenant> declare(int n) {
        List<Tenant> tenants = groups();
        for (int i = 0; i < n; i++) {
            int r = i % REGIONS;
            tenants.add(Tenant.builder(String.format(Locale.ROOT, "site-%05d", i))
                    .name("Site " + i)
                    .parent("region-" + r)
                    .locale(LOCALES[r])
                    .currency(CURRENCIES[r])
                    .timeZone(ZONES[r])
                    .attribute("plan", i % 3 == 0 ? "enterprise" : "standard")
                    .attribute("segment", "segment-" + (i % 17))
                    .build());
        }
        return tenants;
    }
}
