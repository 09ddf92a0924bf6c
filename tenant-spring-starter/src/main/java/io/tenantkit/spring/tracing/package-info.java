/**
 * The tenant in trace baggage (Micrometer Tracing, optional dependency): mirrors the current tenant into
 * a baggage field of the observations started inside a tenant scope, so that traces and the logs of
 * services downstream show it. Baggage is a copy for observability, never a source: nothing here chooses
 * a tenant. Uses core's context, Micrometer observation and tracing.
 */
@NullMarked
package io.tenantkit.spring.tracing;

import org.jspecify.annotations.NullMarked;
