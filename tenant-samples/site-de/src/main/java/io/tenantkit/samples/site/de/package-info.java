/**
 * The German site: 19% VAT on orders, KYC with a commercial register extract, payouts over SEPA up to its limit;
 * fees are the global default at the configured rate. Everything here is bound to tenant {@code de} by
 * {@link io.tenantkit.samples.site.de.DeSiteModule}; the tenant itself is declared in the app's application.yml.
 */
@NullMarked
package io.tenantkit.samples.site.de;

import org.jspecify.annotations.NullMarked;
