/**
 * {@link io.tenantkit.spring.scheduling.PerTenant @PerTenant}: runs an annotated method (typically
 * {@code @Scheduled}) once per active tenant through core's {@link io.tenantkit.propagation.TenantFanOut}.
 * Uses Spring AOP and core; no other starter package.
 */
@NullMarked
package io.tenantkit.spring.scheduling;

import org.jspecify.annotations.NullMarked;
