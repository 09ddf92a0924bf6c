package io.tenantkit.tenant;

import java.util.List;
import java.util.Objects;

/**
 * Thrown when a tenant or a set of tenants is inconsistent. Besides a message in core terms it says
 * {@link #kind() what} is wrong and {@link #tenants() which tenants} are involved, so that whoever
 * read the declarations (a configuration file, a database) can point at the place to fix.
 */
public final class TenantDeclarationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong, and what {@link #tenants()} holds for it. */
    public enum Kind {

        /** Two tenants have the same id; {@link #tenants()} is that id. */
        DUPLICATE_ID,

        /** A tenant names a parent that is not declared; {@link #tenants()} is the tenant, then the parent. */
        UNDECLARED_PARENT,

        /** A tenant names itself as its parent; {@link #tenants()} is that tenant. */
        SELF_PARENT,

        /** Parents form a cycle; {@link #tenants()} is the cycle, its first tenant repeated at the end. */
        PARENT_CYCLE,

        /** A tenant's display name is blank; {@link #tenants()} is that tenant. */
        BLANK_NAME
    }

    private final Kind kind;
    private final List<TenantId> tenants;

    TenantDeclarationException(Kind kind, List<TenantId> tenants, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.tenants = List.copyOf(tenants);
    }

    /** What is wrong. */
    public Kind kind() {
        return kind;
    }

    /** The tenants involved, in the order {@link Kind} describes; never empty. */
    public List<TenantId> tenants() {
        return tenants;
    }
}
