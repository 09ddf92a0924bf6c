/**
 * The tenant model: validated {@link io.tenantkit.tenant.TenantId ids}, immutable
 * {@link io.tenantkit.tenant.Tenant tenants}, and the {@link io.tenantkit.tenant.TenantRegistry registry}
 * that swaps immutable {@link io.tenantkit.tenant.TenantSnapshot snapshots} atomically.
 */
@NullMarked
package io.tenantkit.tenant;

import org.jspecify.annotations.NullMarked;
