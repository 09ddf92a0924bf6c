/**
 * Extension points in Spring: every extension point with an implementation bean, or listed in an
 * extension point index on the class path, is injectable as a router that calls the current tenant's
 * implementation; {@link io.tenantkit.spring.extension.TenantModule
 * tenant modules} bind the implementations in their packages to their tenant.
 */
@NullMarked
package io.tenantkit.spring.extension;

import org.jspecify.annotations.NullMarked;
