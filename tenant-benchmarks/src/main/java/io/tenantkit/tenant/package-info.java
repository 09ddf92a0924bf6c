/** Benchmarks and the scale program of the tenant model: building snapshots and registries of 10 to 10,000 tenants. */
@NullMarked
package io.tenantkit.tenant;

import org.jspecify.annotations.NullMarked;
