package io.tenantkit.extension;

import java.util.List;
import java.util.Objects;

import io.tenantkit.tenant.TenantId;

/**
 * One reason why extension bindings were rejected, as data for tools and failure analyzers.
 *
 * @param kind what is wrong
 * @param point the extension point concerned
 * @param tenants the tenants concerned: unresolved tenants, the level of a tie (empty for the global
 *        level), or the unknown tenant
 * @param implementations the implementations concerned, described as in messages
 * @param message the full message, naming cause and fix
 */
public record ExtensionProblem(Kind kind, Class<?> point, List<TenantId> tenants, List<String> implementations,
        String message) {

    /** Copies the lists. */
    public ExtensionProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(point, "point");
        tenants = List.copyOf(tenants);
        implementations = List.copyOf(implementations);
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of problem. */
    public enum Kind {

        /** A non-optional point has no implementation for some active tenants. */
        UNRESOLVED,

        /** Two implementations are bound at the same level with the same priority. */
        AMBIGUOUS,

        /** A binding names a tenant that is not declared. */
        UNKNOWN_TENANT
    }
}
