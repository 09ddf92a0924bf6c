package io.tenantkit.tenant;

/** Thrown when a set of tenants is inconsistent: a duplicate id, an undeclared parent, a parent cycle. */
public final class TenantDeclarationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    TenantDeclarationException(String message) {
        super(message);
    }
}
