package io.tenantkit.extension;

import java.util.List;

/**
 * Thrown when extension bindings do not validate against the tenants: a point that does not resolve
 * for some active tenants, two implementations tied at one level, a binding to an unknown tenant.
 * Nothing changes when it is thrown: the registry keeps its previous tables, and a tenant registry
 * change that caused it is vetoed. {@link #problems()} lists every problem found, not just the first.
 */
public final class ExtensionValidationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<ExtensionProblem> problems;

    ExtensionValidationException(List<ExtensionProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<ExtensionProblem> problems() {
        return problems;
    }

    private static String message(List<ExtensionProblem> problems) {
        StringBuilder out = new StringBuilder("Invalid extension bindings (").append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (ExtensionProblem p : problems) {
            out.append("\n - ").append(p.message());
        }
        return out.toString();
    }
}
