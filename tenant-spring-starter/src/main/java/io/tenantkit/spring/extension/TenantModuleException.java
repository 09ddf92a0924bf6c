package io.tenantkit.spring.extension;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when the {@link TenantModule} classes of an application cannot tell which tenant
 * an extension belongs to: a module that names no tenant or an invalid tenant id, or two modules in
 * one package. Names the classes and ids involved, and the fix; {@code TenantModuleFailureAnalyzer}
 * turns it into Spring Boot's startup failure report.
 */
public final class TenantModuleException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String action;

    TenantModuleException(String problem, String action, @Nullable Throwable cause) {
        super(problem + " " + action, cause);
        this.problem = problem;
        this.action = action;
    }

    /** What is wrong, naming the module classes and tenant ids. */
    public String problem() {
        return problem;
    }

    /** How to fix it. */
    public String action() {
        return action;
    }
}
