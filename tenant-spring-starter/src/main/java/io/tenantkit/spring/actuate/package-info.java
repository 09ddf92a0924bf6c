/** The {@code tenants} actuator endpoint: the registry, and what other parts of TenantKit add to it. */
@NullMarked
package io.tenantkit.spring.actuate;

import org.jspecify.annotations.NullMarked;
