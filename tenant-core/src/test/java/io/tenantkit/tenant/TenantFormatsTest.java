package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TenantFormatsTest {

    private static final Tenant JP = Tenant.builder("jp").locale(Locale.JAPAN).currency("JPY").timeZone(ZoneId.of("Asia/Tokyo")).build();
    private static final Tenant DE = Tenant.builder("de").locale(Locale.GERMANY).currency("EUR").timeZone(ZoneId.of("Europe/Berlin")).build();
    private static final Tenant US = Tenant.builder("us").locale(Locale.US).currency("USD").timeZone(ZoneId.of("America/New_York")).build();

    @Test
    void moneyUsesTheTenantsCurrencyLocaleAndDigits() {
        BigDecimal amount = new BigDecimal("1234.5");

        assertThat(TenantFormats.money(US, amount)).isEqualTo("$1,234.50");
        assertThat(TenantFormats.money(JP, amount)).endsWith("1,235").doesNotContain(".");
        assertThat(TenantFormats.money(DE, amount)).startsWith("1.234,50").endsWith("€");
    }

    @Test
    void moneyForATenantWithoutCurrencySaysWhatIsMissing() {
        assertThatIllegalStateException().isThrownBy(() -> TenantFormats.money(Tenant.builder("apac").build(), BigDecimal.ONE))
                .withMessage("Tenant 'apac' has no currency, so money cannot be formatted for it. Declare a currency for tenant 'apac'.");
    }

    @Test
    void datesFollowTheTenantsLocaleAndZone() {
        Instant instant = Instant.parse("2026-01-31T20:00:00Z");

        assertThat(TenantFormats.dateTime(JP, instant)).startsWith("2026/02/01").contains("5:00:00");
        assertThat(TenantFormats.dateTime(US, instant)).startsWith("Jan 31, 2026").contains("3:00:00");
        assertThat(TenantFormats.date(DE, LocalDate.of(2026, 1, 31))).isEqualTo("31.01.2026");
    }
}
