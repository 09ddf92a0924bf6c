/** Carries the tenant, the MDC and other context into Spring's task executors and schedulers. */
@NullMarked
package io.tenantkit.spring.propagation;

import org.jspecify.annotations.NullMarked;
