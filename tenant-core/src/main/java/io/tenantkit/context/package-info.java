/**
 * The current tenant of a thread: {@link io.tenantkit.context.TenantContext}, entered only through
 * {@link io.tenantkit.context.TenantScope scopes} that restore what was there before, mirrored into
 * the SLF4J MDC under {@code tenant}, and handed between threads by TTL and Micrometer
 * context-propagation.
 */
@NullMarked
package io.tenantkit.context;

import org.jspecify.annotations.NullMarked;
