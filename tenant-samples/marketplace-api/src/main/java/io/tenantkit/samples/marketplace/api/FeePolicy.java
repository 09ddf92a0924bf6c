package io.tenantkit.samples.marketplace.api;

import java.math.BigDecimal;

import io.tenantkit.extension.ExtensionPoint;

/** The fee the marketplace charges a merchant on an order, in the site's currency. */
@ExtensionPoint
public interface FeePolicy {

    /** The fee for an order of {@code amount}, rounded to the currency's minor unit. */
    BigDecimal fee(BigDecimal amount);
}
