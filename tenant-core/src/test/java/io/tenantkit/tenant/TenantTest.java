package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TenantTest {

    @Test
    void builderAppliesDocumentedDefaults() {
        Tenant tenant = Tenant.builder("jp").build();

        assertThat(tenant.id()).isEqualTo(TenantId.of("jp"));
        assertThat(tenant.name()).isEqualTo("jp");
        assertThat(tenant.parent()).isEmpty();
        assertThat(tenant.locale()).isEqualTo(Locale.ROOT);
        assertThat(tenant.currency()).isEmpty();
        assertThat(tenant.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.isActive()).isTrue();
        assertThat(tenant.attributes()).isEmpty();
    }

    @Test
    void builderKeepsEveryValue() {
        Tenant tenant = Tenant.builder("jp").name("Japan").parent("apac").locale(Locale.JAPAN).currency("JPY")
                .timeZone(ZoneId.of("Asia/Tokyo")).status(TenantStatus.SUSPENDED).attribute("plan", "gold").build();

        assertThat(tenant.name()).isEqualTo("Japan");
        assertThat(tenant.parent()).contains(TenantId.of("apac"));
        assertThat(tenant.locale()).isEqualTo(Locale.JAPAN);
        assertThat(tenant.currency()).contains(Currency.getInstance("JPY"));
        assertThat(tenant.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(tenant.isActive()).isFalse();
        assertThat(tenant.attribute("plan")).contains("gold");
        assertThat(tenant.toBuilder().build()).isEqualTo(tenant).hasSameHashCodeAs(tenant);
    }

    @Test
    void attributesCannotBeChangedAfterBuilding() {
        Tenant tenant = Tenant.builder("jp").attribute("plan", "gold").build();

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> tenant.attributes().put("plan", "free"));
    }

    @Test
    void unknownCurrencyIsRejectedNamingTenantAndValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tenant.builder("jp").currency("YEN"))
                .withMessage("Tenant 'jp': \"YEN\" is not an ISO 4217 currency code (such as JPY, USD, EUR).");
    }

    @Test
    void tenantCannotBeItsOwnParent() {
        assertThatExceptionOfType(TenantDeclarationException.class).isThrownBy(() -> Tenant.builder("jp").parent("jp").build())
                .withMessageContaining("Tenant 'jp' names itself as its parent")
                .satisfies(e -> assertThat(e.kind()).isEqualTo(TenantDeclarationException.Kind.SELF_PARENT))
                .satisfies(e -> assertThat(e.tenants()).containsExactly(TenantId.of("jp")));
    }

    @Test
    void blankNameIsRejected() {
        assertThatExceptionOfType(TenantDeclarationException.class).isThrownBy(() -> Tenant.builder("jp").name(" "))
                .withMessage("Tenant 'jp': the name must not be blank.")
                .satisfies(e -> assertThat(e.kind()).isEqualTo(TenantDeclarationException.Kind.BLANK_NAME));
    }
}
