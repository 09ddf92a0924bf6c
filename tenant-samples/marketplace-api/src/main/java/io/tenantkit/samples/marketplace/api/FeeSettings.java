package io.tenantkit.samples.marketplace.api;

import java.math.BigDecimal;

import io.tenantkit.spring.config.TenantConfigurationProperties;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * A site's fee settings, bound per tenant from {@code marketplace.fees.*}: the shared default in the app's
 * application.yml, a module's {@code tenants/<id>/tenant.yml}, an operator's {@code <id>.yml}.
 *
 * @param rate the share of an order charged as fee, between 0 and 0.5
 */
@TenantConfigurationProperties("marketplace.fees")
public record FeeSettings(@NotNull @DecimalMin("0") @DecimalMax("0.5") BigDecimal rate) {
}
