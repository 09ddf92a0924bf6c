/**
 * Tenant caches over Caffeine: {@link io.tenantkit.cache.TenantCache}, built by
 * {@link io.tenantkit.cache.TenantCacheBuilder}, keeps one Caffeine cache per tenant, so an entry written under one
 * tenant is never looked up under another, each tenant has its own bound (a busy tenant cannot evict a quiet one's
 * entries), one tenant is cleared without touching the others, and statistics are per tenant. Loaders receive the
 * tenant explicitly and never read the thread's context. May use Caffeine (an optional dependency of this module),
 * the tenant model and the tenant context; no Spring.
 */
@NullMarked
package io.tenantkit.cache;

import org.jspecify.annotations.NullMarked;
