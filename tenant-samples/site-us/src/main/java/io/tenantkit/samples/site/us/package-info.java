/**
 * The US site: card-style fees, no platform-collected tax, KYC with a W-9, payouts over ACH up to its limit. Everything here is bound to tenant
 * {@code us} by {@link io.tenantkit.samples.site.us.UsSiteModule}.
 */
@NullMarked
package io.tenantkit.samples.site.us;

import org.jspecify.annotations.NullMarked;
