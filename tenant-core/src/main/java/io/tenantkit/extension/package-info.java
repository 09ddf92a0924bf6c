/**
 * Extension points: interfaces that country modules implement, bound to tenants, regions or the
 * global default, and resolved through precomputed per-snapshot tables so that a call costs one
 * thread-local read and one array read.
 *
 * <p>Declare a point with {@link io.tenantkit.extension.ExtensionPoint @ExtensionPoint}, bind
 * implementations with {@link io.tenantkit.extension.Extension @Extension} or
 * {@link io.tenantkit.extension.ExtensionBinding}, build an
 * {@link io.tenantkit.extension.ExtensionRegistry} and call through an
 * {@link io.tenantkit.extension.ExtensionHandle} or a router from
 * {@link io.tenantkit.extension.ExtensionRouters}.
 */
@NullMarked
package io.tenantkit.extension;

import org.jspecify.annotations.NullMarked;
