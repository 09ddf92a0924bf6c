package io.tenantkit.extension;

/**
 * Implemented by every router {@link ExtensionRouters} creates (generated or proxy): an object that
 * implements an extension point and forwards each call to the current tenant's implementation.
 * Lets frameworks tell a router from an implementation.
 */
public interface ExtensionRouter {
}
