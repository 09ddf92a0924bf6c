/**
 * Per-tenant configuration from a Spring Cloud Config server: the operator layer of each tenant read as one
 * config-server document per tenant (the tenant id is the profile), refreshed by polling or on demand and installed
 * through the same store, validation and change event as the operator directory. May use TenantKit core and the
 * starter, Spring Boot, Jackson and the JDK's HTTP client; it needs no Spring Cloud class at run time (it speaks the
 * config server's HTTP API), so an application that does not depend on this module never loads any.
 */
@NullMarked
package io.tenantkit.spring.cloudconfig;

import org.jspecify.annotations.NullMarked;
