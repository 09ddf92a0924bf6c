package io.tenantkit.samples.marketplace.api;

import java.math.BigDecimal;

import io.tenantkit.spring.config.TenantConfigurationProperties;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A site's payout settings, bound per tenant from {@code marketplace.payouts.*}. Whether a site pays out
 * instantly is the feature flag {@code features.instant-payout}.
 *
 * @param limit the largest payout a merchant may request at once, in the site's currency
 * @param localRailLimit the largest payout the site's local rail carries, in the site's currency; larger ones go
 *        by international wire
 */
@TenantConfigurationProperties("marketplace.payouts")
public record PayoutSettings(@NotNull @Positive BigDecimal limit, @NotNull @Positive BigDecimal localRailLimit) {
}
