/**
 * Running the TenantKit benchmarks: the smoke and full {@link io.tenantkit.benchmarks.Profile profiles},
 * and {@link io.tenantkit.benchmarks.BenchmarkReport}, which runs them and prints markdown tables of ratios.
 * The benchmarks themselves live in the package of the code they measure.
 */
@NullMarked
package io.tenantkit.benchmarks;

import org.jspecify.annotations.NullMarked;
