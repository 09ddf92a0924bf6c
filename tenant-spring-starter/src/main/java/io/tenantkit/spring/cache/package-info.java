/**
 * Tenant caches in Spring: a {@link org.springframework.cache.CacheManager} whose caches keep one core
 * {@code io.tenantkit.cache.TenantCache} each, so {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict} are
 * tenant-isolated without a change to the caller; shared (tenant-independent) caches as plain Caffeine caches; each
 * tenant's capacity from its configuration; Boot's cache metrics and per-tenant statistics tagged by tenant. May use
 * Spring's cache abstraction, Caffeine, Micrometer and Boot's cache metrics; holds no logic core could hold.
 */
@NullMarked
package io.tenantkit.spring.cache;

import org.jspecify.annotations.NullMarked;
