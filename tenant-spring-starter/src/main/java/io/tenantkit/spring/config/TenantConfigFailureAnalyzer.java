package io.tenantkit.spring.config;

import io.tenantkit.config.TenantConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link TenantConfigException} at startup: every problem with its tenant, property, file and line,
 * and the constraint or reason.
 */
final class TenantConfigFailureAnalyzer extends AbstractFailureAnalyzer<TenantConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TenantConfigException cause) {
        StringBuilder description = new StringBuilder("TenantKit could not start: the tenant configuration has ")
                .append(cause.problems().size()).append(cause.problems().size() == 1 ? " problem:" : " problems:");
        cause.problems().forEach(p -> description.append("\n - ").append(p));
        return new FailureAnalysis(description.toString(), "Fix the values in the files named above (tenants/<id>/tenant.yml "
                + "in the module, <id>.yml in tenantkit.config.dir, or application.yml for shared defaults).", cause);
    }
}
