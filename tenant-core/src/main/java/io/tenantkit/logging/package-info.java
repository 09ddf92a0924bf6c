/**
 * Tenant log streams on Logback: per-tenant log levels changeable at runtime
 * ({@link io.tenantkit.logging.TenantLevelFilter}, a turbo filter that costs one volatile read while no
 * override is set), a count of WARN and ERROR events per tenant, and per-tenant log files
 * ({@link io.tenantkit.logging.TenantFileAppender}: bounded, asynchronous, only for tenants the registry
 * knows). Uses Logback (an optional dependency of this module), the tenant context and the registry; no
 * Spring.
 */
@NullMarked
package io.tenantkit.logging;

import org.jspecify.annotations.NullMarked;
