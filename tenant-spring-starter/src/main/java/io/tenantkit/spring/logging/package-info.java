/**
 * Tenant log streams in Spring Boot: installs core's {@code io.tenantkit.logging} filter and per-tenant files
 * into Logback, shows the tenant in Boot's default log patterns, counts WARN and ERROR events per tenant in
 * Micrometer and serves the {@code tenantloggers} actuator endpoint. May use Spring Boot, Logback, Micrometer
 * and the actuator; holds no logic core could hold.
 */
@NullMarked
package io.tenantkit.spring.logging;

import org.jspecify.annotations.NullMarked;
