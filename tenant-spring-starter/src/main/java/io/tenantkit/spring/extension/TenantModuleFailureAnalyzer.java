package io.tenantkit.spring.extension;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link TenantModuleException} as a startup failure naming the module classes and the fix. */
final class TenantModuleFailureAnalyzer extends AbstractFailureAnalyzer<TenantModuleException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TenantModuleException cause) {
        return new FailureAnalysis("TenantKit tenant modules are invalid: " + cause.problem(), cause.action(), cause);
    }
}
