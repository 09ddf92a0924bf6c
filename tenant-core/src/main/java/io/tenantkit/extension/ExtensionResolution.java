package io.tenantkit.extension;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantStatus;

import org.jspecify.annotations.Nullable;

/**
 * How one extension point resolves for one tenant: the chain of levels searched and every
 * implementation found, in the order calls see them. The first candidate answers
 * {@link ExtensionHandle#current()}; all of them feed the reducers. Returned by
 * {@link ExtensionRegistry#explain(TenantId, Class)}.
 *
 * @param tenant the tenant
 * @param status the tenant's status
 * @param point the extension point
 * @param lineage the tenant and its parents, nearest first; the global level comes after the last
 * @param candidates every implementation that applies, in chain order
 */
public record ExtensionResolution(TenantId tenant, TenantStatus status, Class<?> point, List<TenantId> lineage,
        List<Candidate> candidates) {

    /** Copies the lists. */
    public ExtensionResolution {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(point, "point");
        lineage = List.copyOf(lineage);
        candidates = List.copyOf(candidates);
    }

    /** The candidate that answers, if any. */
    public Optional<Candidate> answer() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** A multi-line, human-readable explanation. */
    public String describe() {
        StringBuilder out = new StringBuilder(point.getSimpleName()).append(" for tenant '").append(tenant).append("' (")
                .append(status).append("), chain ");
        for (TenantId level : lineage) {
            out.append(level).append(" -> ");
        }
        out.append("global: ");
        if (candidates.isEmpty()) {
            out.append("no implementation at any level");
            return out.toString();
        }
        Candidate answer = candidates.get(0);
        out.append(answer.binding().describe()).append(" answers (bound to ").append(answer.levelName()).append(')');
        int n = 1;
        for (Candidate c : candidates) {
            out.append("\n  ").append(n++).append(". ").append(c.levelName()).append(": ").append(c.binding().describe())
                    .append(", priority ").append(c.binding().priority());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * One implementation that applies to the tenant, and the level of its chain it was found at.
     *
     * @param level the tenant or parent it is bound to; null for the global default
     * @param binding the binding
     */
    public record Candidate(@Nullable TenantId level, ExtensionBinding<?> binding) {

        /** Checks the binding. */
        public Candidate {
            Objects.requireNonNull(binding, "binding");
        }

        /** The level as shown in reports: the tenant id, or {@code global}. */
        public String levelName() {
            return level == null ? "global" : level.value();
        }
    }
}
