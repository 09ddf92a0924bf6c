/**
 * Hands the current tenant to other threads: wrapped executors, tasks and {@code CompletableFuture}
 * stages. TTL does the capture and replay; the tenant (and its MDC value) is restored on the worker
 * after every task.
 */
@NullMarked
package io.tenantkit.propagation;

import org.jspecify.annotations.NullMarked;
