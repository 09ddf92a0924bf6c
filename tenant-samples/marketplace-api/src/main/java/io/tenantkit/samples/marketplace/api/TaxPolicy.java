package io.tenantkit.samples.marketplace.api;

import java.math.BigDecimal;

import io.tenantkit.extension.ExtensionPoint;

/**
 * The tax the marketplace collects from the buyer on an order, per country: Japan's consumption tax, Germany's
 * VAT, none where the merchant collects it (the US).
 */
@ExtensionPoint
public interface TaxPolicy {

    /** The tax on an order of {@code amount} in the site's currency, rounded to the currency's minor unit. */
    Tax tax(BigDecimal amount);
}
