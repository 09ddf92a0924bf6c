package io.tenantkit.samples.dropin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.Supplier;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

/**
 * The same app as {@link WithAllModulesTest}, run by the {@code without-site-jp} surefire execution
 * with the site-jp jar excluded from the classpath: jp falls back to the defaults, us is unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WithoutSiteJpTest {

    @Autowired
    Onboarding onboarding;

    @Autowired
    TenantRegistry tenants;

    private <V> V as(String tenant, Supplier<V> call) {
        return TenantContext.supplyAs(tenants.require(TenantId.of(tenant)), call);
    }

    @Test
    void theSiteJpJarIsNotOnTheClasspath() {
        assertThat(ClassUtils.isPresent("io.tenantkit.samples.site.jp.JpSiteModule", null)).isFalse();
    }

    @Test
    void japanFallsBackToTheGlobalDefaults() {
        assertThat(as("jp", () -> onboarding.fee(new BigDecimal("10000")))).isEqualByComparingTo("500.00");
        assertThat(as("jp", onboarding::documents)).containsExactly("government-id", "bank-statement");
        assertThat(as("jp", onboarding::payoutRail)).isEqualTo("swift");
    }

    @Test
    void theUsStillGetsItsModule() {
        assertThat(as("us", () -> onboarding.fee(new BigDecimal("100.00")))).isEqualByComparingTo("3.20");
        assertThat(as("us", onboarding::payoutRail)).isEqualTo("ach");
    }
}
