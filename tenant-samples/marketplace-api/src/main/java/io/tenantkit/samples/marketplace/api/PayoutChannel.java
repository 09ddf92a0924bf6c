package io.tenantkit.samples.marketplace.api;

import java.math.BigDecimal;

import io.tenantkit.extension.ExtensionPoint;

/**
 * A way to pay a merchant out. A site has several, in its chain: its own local rail first (Zengin, ACH, SEPA),
 * then the global default, an international wire that carries any amount. Shared code picks the first that
 * carries the amount ({@code ExtensionHandle<PayoutChannel>.firstNonNull}), so a local rail answers up to its
 * limit ({@code marketplace.payouts.local-rail-limit}) and the wire above it.
 */
@ExtensionPoint
public interface PayoutChannel {

    /** The channel's name, such as {@code zengin} or {@code international-wire}. */
    String name();

    /** Whether this channel carries a payout of {@code amount} (in the site's currency) for the current site. */
    boolean carries(BigDecimal amount);
}
