package io.tenantkit.isolation;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules as users add them, through ArchUnit's JUnit support (archunit-junit6 here; the same fields work
 * with archunit-junit5): one {@code @ArchTest} field, the classes imported once and cached across rules.
 */
@AnalyzeClasses(packages = "io.tenantkit.isolation.fixtures.clean")
class TenantIsolationArchTest {

    @ArchTest
    static final ArchRule tenantIsolation = TenantIsolationTest.RULES.all();

    @ArchTest
    static final ArchRule modulesSeparately = TenantIsolationTest.RULES.tenantModulesDoNotDependOnEachOther();
}
