/** Benchmarks of the tenant context: entering and leaving scopes, and reading the current tenant. */
@NullMarked
package io.tenantkit.context;

import org.jspecify.annotations.NullMarked;
