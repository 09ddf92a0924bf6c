package io.tenantkit.spring.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.origin.Origin;

/**
 * Thrown at startup when a {@code tenantkit.*} property is wrong. Names the property, what is wrong
 * and how to fix it; {@link InvalidTenantPropertyFailureAnalyzer} turns it into Spring Boot's
 * startup failure report, adding where the value is written (file and line).
 */
public final class InvalidTenantPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String problem;
    private final String action;
    private final transient @Nullable Origin origin;

    InvalidTenantPropertyException(String property, String problem, String action) {
        this(property, problem, action, null, null);
    }

    InvalidTenantPropertyException(String property, String problem, String action, @Nullable Throwable cause) {
        this(property, problem, action, null, cause);
    }

    InvalidTenantPropertyException(String property, String problem, String action, @Nullable Origin origin,
            @Nullable Throwable cause) {
        super("Invalid property " + property + ": " + withoutPeriod(problem) + ". " + action, cause);
        this.property = property;
        this.problem = withoutPeriod(problem);
        this.action = action;
        this.origin = origin;
    }

    /**
     * What {@code factory} builds from the value of {@code property}; the {@code IllegalArgumentException}
     * it throws for a bad value becomes one naming the property.
     */
    static <T> T ifValid(String property, String action, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantPropertyException(property, String.valueOf(e.getMessage()), action, e);
        }
    }

    private static String withoutPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The property at fault, such as {@code tenantkit.tenants.jp.parent}. */
    public String property() {
        return property;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }

    /** How to fix it. */
    public String action() {
        return action;
    }

    /**
     * Where the value is written, when it is not a property of the {@code Environment} (an entry of the
     * tenant catalog file, for example); null otherwise (the failure analyzer looks the property up).
     */
    @Nullable Origin origin() {
        return origin;
    }
}
