/**
 * Spring Boot auto-configuration for TenantKit: the tenant registry from {@code tenantkit.tenants.*},
 * the web entry and the tenant-aware view, each backing off when the application defines its own bean.
 */
@NullMarked
package io.tenantkit.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
