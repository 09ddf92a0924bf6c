package io.tenantkit.extension;

/**
 * Thrown by a call through an extension point when no implementation answers for the current
 * tenant: an optional point without one, a tenant that is not active and has none, a tenant the
 * table does not know, or a registry without bindings yet. The message names point, tenant and fix.
 */
public final class ExtensionResolutionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ExtensionResolutionException(String message) {
        super(message);
    }
}
