package io.tenantkit.samples.marketplace.api;

import java.math.BigDecimal;

/**
 * A tax the marketplace collects on an order.
 *
 * @param name the tax, such as {@code consumption-tax} or {@code vat}; {@code none} where the platform collects none
 * @param rate the share of the order, such as {@code 0.10}
 * @param amount the tax in the site's currency, rounded to its minor unit
 */
public record Tax(String name, BigDecimal rate, BigDecimal amount) {
}
