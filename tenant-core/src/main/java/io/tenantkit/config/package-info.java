/**
 * Per-tenant configuration: layers of keys and values with their {@link io.tenantkit.config.ConfigOrigin origin},
 * read from tenant files ({@link io.tenantkit.config.TenantFile}) through a
 * {@link io.tenantkit.config.TenantConfigSource source}, combined along the tenant's parent chain into immutable
 * {@link io.tenantkit.config.TenantConfigGeneration generations} that a
 * {@link io.tenantkit.config.TenantConfigStore store} swaps atomically. May use the tenant and context packages
 * and SnakeYAML (an optional dependency, needed only to read files); no Spring.
 */
@NullMarked
package io.tenantkit.config;

import org.jspecify.annotations.NullMarked;
