/** Tags HTTP server observations and metrics with the tenant, bounded to the tenants the registry knows. */
@NullMarked
package io.tenantkit.spring.observability;

import org.jspecify.annotations.NullMarked;
