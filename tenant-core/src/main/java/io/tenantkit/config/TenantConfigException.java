package io.tenantkit.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when tenant configuration cannot be used: a file that cannot be read, a value of the wrong form, a
 * binding that fails validation. Holds every {@link Problem} found, not only the first.
 */
public final class TenantConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong.
     *
     * @param tenant the tenant concerned
     * @param key the key (the property), null if the whole file is at fault
     * @param origin where the value (or file) is written, null if unknown
     * @param reason what is wrong, untrusted text already escaped
     */
    public record Problem(String tenant, @Nullable String key, @Nullable ConfigOrigin origin, String reason) {

        /** Checks the components. */
        public Problem {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "tenant '" + tenant + "'" + (key == null ? "" : ", property " + key)
                    + (origin == null ? "" : " (" + origin + ")") + ": " + reason;
        }
    }

    private final transient List<Problem> problems;

    /** The exception for {@code problems} (at least one). */
    public TenantConfigException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** The exception for one problem. */
    public TenantConfigException(Problem problem) {
        this(List.of(problem));
    }

    /** Every problem found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        if (problems.size() == 1) {
            return "Invalid tenant configuration: " + problems.get(0);
        }
        return problems.size() + " problems in the tenant configuration:"
                + problems.stream().map(p -> "\n - " + p).collect(Collectors.joining());
    }
}
