/**
 * The US site: card-style fees, KYC with a W-9, payouts over ACH. Everything here is bound to tenant
 * {@code us} by {@link io.tenantkit.samples.site.us.UsSiteModule}.
 */
@NullMarked
package io.tenantkit.samples.site.us;

import org.jspecify.annotations.NullMarked;
