/**
 * The marketplace's extension points: what shared code asks of a country site (merchant fees, taxes, KYC
 * documents, payout rails and channels). Country modules ({@code site-jp}, {@code site-us}, {@code site-de}) implement them.
 */
@NullMarked
package io.tenantkit.samples.marketplace.api;

import org.jspecify.annotations.NullMarked;
