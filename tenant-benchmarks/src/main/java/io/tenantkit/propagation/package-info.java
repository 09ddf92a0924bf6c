/** Benchmarks of handing the tenant to other threads: wrapped executors against plain ones and raw TTL. */
@NullMarked
package io.tenantkit.propagation;

import org.jspecify.annotations.NullMarked;
