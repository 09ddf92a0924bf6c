package io.tenantkit.spring.autoconfigure;

import io.tenantkit.tenant.UnknownTenantException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link UnknownTenantException} at startup (a tenant named in code, an annotation or a test
 * that is not declared) with the Spring ways to declare it, which core's message does not know.
 */
final class UnknownTenantFailureAnalyzer extends AbstractFailureAnalyzer<UnknownTenantException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownTenantException cause) {
        String id = cause.tenantId().value();
        return new FailureAnalysis("TenantKit could not start: " + cause.getMessage(), "Declare tenant '" + id + "' under "
                + TenantDeclarations.PREFIX + "." + id + ".* (or in the " + TenantCatalog.PROPERTY
                + " file, or in the application's TenantSnapshot bean), or fix the id where it is named.", cause);
    }
}
