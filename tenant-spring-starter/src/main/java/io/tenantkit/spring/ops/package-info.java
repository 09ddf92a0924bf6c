/**
 * The operations page for SREs: a static page under the actuator base path ({@code /actuator/tenantops}) that
 * reads the {@code tenants} and {@code tenantloggers} endpoints in the browser, the security headers it is
 * served with, and the per-tenant request counts it shows. May use the starter's {@code actuate} package,
 * Spring Boot's actuator, the servlet API and Micrometer; holds no logic core could hold.
 */
@NullMarked
package io.tenantkit.spring.ops;

import org.jspecify.annotations.NullMarked;
