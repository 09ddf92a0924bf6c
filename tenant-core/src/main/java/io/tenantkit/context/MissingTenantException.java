package io.tenantkit.context;

/**
 * Thrown by {@link TenantContext#require()} when code that needs a tenant runs without one. TenantKit
 * never falls back to a default tenant: that is how data leaks between tenants.
 */
public final class MissingTenantException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    MissingTenantException(String message) {
        super(message);
    }
}
