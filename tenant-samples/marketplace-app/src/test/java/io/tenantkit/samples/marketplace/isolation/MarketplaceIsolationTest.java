package io.tenantkit.samples.marketplace.isolation;

import io.tenantkit.isolation.TenantIsolationRules;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The whole isolation rule library over the sample (the app, marketplace-api, site-jp, site-us, site-de): the build
 * breaks when a country module crosses a line. This is the one line docs/isolation.md tells users to add.
 */
@AnalyzeClasses(packages = "io.tenantkit.samples")
class MarketplaceIsolationTest {

    // tag::rules[]
    @ArchTest
    static final ArchRule tenantIsolation = TenantIsolationRules.ALL;
    // end::rules[]
}
