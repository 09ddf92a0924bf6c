/**
 * Hands the current tenant to other threads: wrapped executors, tasks and {@code CompletableFuture}
 * stages. Each task carries a {@link io.tenantkit.context.TenantHandOff}: the tenant alone, or every
 * TTL value when the application has others; the tenant (and its MDC value) is restored on the worker
 * after every task. May use the context package, TTL and the JDK.
 */
@NullMarked
package io.tenantkit.propagation;

import org.jspecify.annotations.NullMarked;
