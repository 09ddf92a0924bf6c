package io.tenantkit.spring.scheduling;

import io.tenantkit.spring.test.WithTenant;
import io.tenantkit.spring.view.TenantMessageSource;

/**
 * A fixture for the architecture tests: a class of a starter feature package that uses another feature
 * package outside the documented graph, and the test support.
 */
final class ArchitectureViolations {

    private ArchitectureViolations() {
    }

    static Class<?> view() {
        return TenantMessageSource.class;
    }

    static Class<?> testSupport() {
        return WithTenant.class;
    }
}
