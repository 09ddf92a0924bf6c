/**
 * Spring Boot auto-configuration of TenantKit, glue only: the tenant registry from
 * {@code tenantkit.tenants.*}, the web entry, the tenant-aware view, propagation, per-tenant jobs,
 * outgoing headers, observability and the actuator endpoint, each backing off to the application's own bean.
 */
@NullMarked
package io.tenantkit.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
