/**
 * The marketplace's extension points: what shared code asks of a country site (merchant fees, KYC
 * documents, payout rails). Country modules ({@code site-jp}, {@code site-us}) implement them.
 */
@NullMarked
package io.tenantkit.samples.marketplace.api;

import org.jspecify.annotations.NullMarked;
