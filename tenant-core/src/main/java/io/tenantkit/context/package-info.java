/**
 * The current tenant of a thread: {@link io.tenantkit.context.TenantContext}, entered only through
 * {@link io.tenantkit.context.TenantScope scopes} that restore what was there before, mirrored into
 * the SLF4J MDC under {@code tenant}, and handed between threads by
 * {@link io.tenantkit.context.TenantHandOff} (TTL's full capture only when other TTL values travel
 * too), TTL and Micrometer context-propagation. May use TTL, SLF4J and, optionally, context-propagation.
 */
@NullMarked
package io.tenantkit.context;

import org.jspecify.annotations.NullMarked;
