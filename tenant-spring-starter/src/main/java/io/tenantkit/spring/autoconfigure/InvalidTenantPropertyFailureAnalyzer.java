package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an {@link InvalidTenantPropertyException} as a startup failure naming the property and the fix. */
final class InvalidTenantPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTenantPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTenantPropertyException cause) {
        return new FailureAnalysis("TenantKit could not start: property " + cause.property() + " is invalid: "
                + cause.problem() + ".", cause.action(), cause);
    }
}
