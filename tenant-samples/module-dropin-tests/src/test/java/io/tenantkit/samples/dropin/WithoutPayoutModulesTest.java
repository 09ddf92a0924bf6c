package io.tenantkit.samples.dropin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.Supplier;

import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.samples.marketplace.api.PayoutRouter;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

/**
 * The same app as {@link WithAllModulesTest}, run by the {@code without-payout-modules} surefire
 * execution with neither site-jp nor site-us on the classpath: no bean implements the optional
 * {@link PayoutRouter} any more, yet the app starts (the point is declared by marketplace-api's
 * extension point index) and every site pays out by international transfer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WithoutPayoutModulesTest {

    @Autowired
    Onboarding onboarding;

    @Autowired
    TenantRegistry tenants;

    @Autowired
    ExtensionRegistry extensions;

    private <V> V as(String tenant, Supplier<V> call) {
        return TenantContext.supplyAs(tenants.require(TenantId.of(tenant)), call);
    }

    @Test
    void noCountryModuleIsOnTheClasspath() {
        assertThat(ClassUtils.isPresent("io.tenantkit.samples.site.jp.JpSiteModule", null)).isFalse();
        assertThat(ClassUtils.isPresent("io.tenantkit.samples.site.us.UsSiteModule", null)).isFalse();
    }

    @Test
    void everySitePaysOutByInternationalTransfer() {
        assertThat(as("jp", onboarding::payoutRail)).isEqualTo("swift");
        assertThat(as("us", onboarding::payoutRail)).isEqualTo("swift");
        assertThat(as("de", onboarding::payoutRail)).isEqualTo("swift");
    }

    @Test
    void everySiteGetsTheGlobalDefaults() {
        assertThat(as("us", () -> onboarding.fee(new BigDecimal("100.00")))).isEqualByComparingTo("5.00");
        assertThat(as("jp", onboarding::documents)).containsExactly("government-id", "bank-statement");
    }

    @Test
    void thePointWithoutImplementationIsStillKnownAndExplained() {
        assertThat(extensions.points()).contains(PayoutRouter.class);
        assertThat(extensions.explain(TenantId.of("us"), PayoutRouter.class).describe())
                .isEqualTo("PayoutRouter for tenant 'us' (ACTIVE), chain us -> global: no implementation at any level");
    }
}
