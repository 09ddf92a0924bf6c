/**
 * Extension points: interfaces that country modules implement, bound to tenants, regions or the
 * global default, and resolved through tables precomputed per generation (a tenant snapshot and the
 * bindings, published whole) so that a call costs one thread-local read and one array read. Uses the
 * tenant model and context of TenantKit, SLF4J, and nothing of Spring.
 *
 * <p>Declare a point with {@link io.tenantkit.extension.ExtensionPoint @ExtensionPoint}, bind
 * implementations with {@link io.tenantkit.extension.ExtensionBinding#builder} or from their
 * {@link io.tenantkit.extension.Extension @Extension} annotation, build an
 * {@link io.tenantkit.extension.ExtensionRegistry} and call through an
 * {@link io.tenantkit.extension.ExtensionHandle} or a router from
 * {@link io.tenantkit.extension.ExtensionRouters}.
 */
@NullMarked
package io.tenantkit.extension;

import org.jspecify.annotations.NullMarked;
