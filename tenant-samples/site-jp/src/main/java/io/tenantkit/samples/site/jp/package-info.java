/**
 * The Japanese site: fees with consumption tax, 10% consumption tax on orders, KYC with a My Number card,
 * payouts over Zengin up to its limit.
 * Everything here is bound to tenant {@code jp} by {@link io.tenantkit.samples.site.jp.JpSiteModule}.
 */
@NullMarked
package io.tenantkit.samples.site.jp;

import org.jspecify.annotations.NullMarked;
