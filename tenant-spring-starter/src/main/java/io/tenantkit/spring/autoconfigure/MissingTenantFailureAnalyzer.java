package io.tenantkit.spring.autoconfigure;

import io.tenantkit.context.MissingTenantException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link MissingTenantException} at startup (a bean that needs a tenant while the application
 * starts, where no request brings one) with the Spring ways to provide one, which core's message does
 * not know.
 */
final class MissingTenantFailureAnalyzer extends AbstractFailureAnalyzer<MissingTenantException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingTenantException cause) {
        return new FailureAnalysis("TenantKit could not start: " + cause.getMessage(), "Code run while the application "
                + "starts has no request to take a tenant from: run it once per tenant with @PerTenant or TenantFanOut, or "
                + "for one tenant inside TenantContext.runAs(...). During requests the TenantKit web filter "
                + "(tenantkit.web.*) enters the tenant, and @Async and scheduled tasks receive it through the "
                + "TenantTaskDecorator (tenantkit.propagation.*).", cause);
    }
}
