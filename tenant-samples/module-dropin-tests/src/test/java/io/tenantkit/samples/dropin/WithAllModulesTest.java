package io.tenantkit.samples.dropin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.Supplier;

import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.extension.ExtensionRouters;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

/** site-jp and site-us on the classpath: each serves its site, de gets the defaults. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WithAllModulesTest {

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
    void theSiteJpJarIsOnTheClasspath() {
        assertThat(ClassUtils.isPresent("io.tenantkit.samples.site.jp.JpSiteModule", null)).isTrue();
    }

    @Test
    void japanGetsItsModulesImplementations() {
        assertThat(as("jp", () -> onboarding.fee(new BigDecimal("10000")))).isEqualByComparingTo("396");
        assertThat(as("jp", onboarding::documents)).containsExactly("my-number-card", "seal-registration-certificate");
        assertThat(as("jp", onboarding::payoutRail)).isEqualTo("zengin");
    }

    @Test
    void theUsGetsItsModulesImplementations() {
        assertThat(as("us", () -> onboarding.fee(new BigDecimal("100.00")))).isEqualByComparingTo("3.20");
        assertThat(as("us", onboarding::documents)).containsExactly("w-9", "ein-confirmation-letter");
        assertThat(as("us", onboarding::payoutRail)).isEqualTo("ach");
    }

    @Test
    void aSiteWithoutModuleGetsTheGlobalDefaults() {
        assertThat(as("de", () -> onboarding.fee(new BigDecimal("100.00")))).isEqualByComparingTo("5.00");
        assertThat(as("de", onboarding::documents)).containsExactly("government-id", "bank-statement");
        assertThat(as("de", onboarding::payoutRail)).isEqualTo("swift");
    }

    @Test
    void sharedCodeCallsThroughTheGeneratedRouter() {
        assertThat(onboarding.feePolicy().getClass().getName())
                .isEqualTo("io.tenantkit.samples.marketplace.api.FeePolicy_TenantRouter");
        assertThat(ExtensionRouters.isGenerated(onboarding.feePolicy())).isTrue();
    }

    @Test
    void explainNamesTheModuleThatAnswers() {
        assertThat(extensions.explain(TenantId.of("jp"), FeePolicy.class).describe())
                .contains("io.tenantkit.samples.site.jp.JpFeePolicy (bean 'jpFeePolicy' of tenant module "
                        + "io.tenantkit.samples.site.jp.JpSiteModule [jp]) answers (bound to jp)");
    }
}
