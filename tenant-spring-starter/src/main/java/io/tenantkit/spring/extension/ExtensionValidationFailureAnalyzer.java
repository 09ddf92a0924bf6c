package io.tenantkit.spring.extension;

import java.util.LinkedHashSet;
import java.util.Set;

import io.tenantkit.extension.ExtensionProblem;
import io.tenantkit.extension.ExtensionValidationException;
import io.tenantkit.tenant.TenantId;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link ExtensionValidationException} at startup into a report that names each missing,
 * ambiguous or misdirected binding and how to fix it in a Spring application.
 */
final class ExtensionValidationFailureAnalyzer extends AbstractFailureAnalyzer<ExtensionValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ExtensionValidationException cause) {
        StringBuilder description = new StringBuilder("TenantKit extension bindings are invalid:\n");
        Set<String> actions = new LinkedHashSet<>();
        for (ExtensionProblem p : cause.problems()) {
            description.append("\n    - ").append(p.message());
            actions.add(action(p));
        }
        StringBuilder action = new StringBuilder();
        for (String a : actions) {
            action.append(action.length() == 0 ? "" : "\n").append("- ").append(a);
        }
        return new FailureAnalysis(description.toString(), action.toString(), cause);
    }

    private static String action(ExtensionProblem p) {
        String point = p.point().getName();
        return switch (p.kind()) {
            case UNRESOLVED -> "Give " + point + " an implementation for " + tenants(p) + ": add the tenant module jar that "
                    + "serves " + (p.tenants().size() == 1 ? "it" : "them") + " to the application, or declare a global default "
                    + "(a bean implementing " + point + " outside any @TenantModule package, without @Extension tenants), or "
                    + "declare the point @ExtensionPoint(optional = true) if tenants may go without.";
            case AMBIGUOUS -> "Choose between " + String.join(" and ", p.implementations()) + " for " + point
                    + ": set @Extension(priority = ...) higher on the one that should answer, or remove the other bean "
                    + "(are two modules serving the same tenant on the classpath?).";
            case UNKNOWN_TENANT -> "Declare tenant " + tenants(p) + " (tenantkit.tenants." + p.tenants().get(0)
                    + ".*), remove the module or binding that names it, or set tenantkit.extensions.unknown-tenant=warn "
                    + "to ignore such bindings.";
        };
    }

    private static String tenants(ExtensionProblem p) {
        StringBuilder out = new StringBuilder();
        for (TenantId id : p.tenants()) {
            out.append(out.length() == 0 ? "'" : ", '").append(id).append('\'');
        }
        return out.toString();
    }
}
