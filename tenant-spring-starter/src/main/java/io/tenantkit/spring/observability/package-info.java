/**
 * Tags HTTP server observations and metrics with the tenant, bounded by core's
 * {@link io.tenantkit.tenant.TenantTagValues} to the tenants the registry knows. Uses Micrometer
 * observation, the servlet API and the web entry's outcome ({@code io.tenantkit.spring.web}).
 */
@NullMarked
package io.tenantkit.spring.observability;

import org.jspecify.annotations.NullMarked;
