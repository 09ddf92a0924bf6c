/**
 * The Asia-Pacific region, shipped in the site-jp jar (the only apac site so far): the region's own
 * module, so that the jar's {@code tenants/apac/} files belong to a module of their tenant (the isolation
 * rules check that a module ships only its own tenants' files). Region-level extensions would live here
 * and answer for every apac site that has none of its own.
 */
@NullMarked
package io.tenantkit.samples.site.apac;

import org.jspecify.annotations.NullMarked;
