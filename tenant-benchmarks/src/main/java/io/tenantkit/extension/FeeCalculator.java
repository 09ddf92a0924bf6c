package io.tenantkit.extension;

/**
 * The extension point of the dispatch benchmarks: a one-line fee, different per country site. The
 * TenantKit annotation processor generates its router, {@code FeeCalculator_TenantRouter}, which the
 * Spring starter injects.
 */
@ExtensionPoint
interface FeeCalculator {

    /** The fee for {@code amount}, in the same minor units. */
    long fee(long amount);
}
