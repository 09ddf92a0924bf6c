/**
 * Per-tenant configuration in Spring: tenant files shipped by modules ({@code tenants/<id>/tenant.yml} on the
 * class path), the operator directory watched for changes, {@link
 * io.tenantkit.spring.config.TenantConfigurationProperties typed per-tenant binding} with Spring's
 * {@code Binder} over each tenant's own layers (never merged into the {@code Environment}), feature flags and
 * their guard annotation. Adapts {@code io.tenantkit.config}; may use Spring Boot, and Jakarta Bean
 * Validation, Micrometer and Spring MVC when present.
 */
@NullMarked
package io.tenantkit.spring.config;

import org.jspecify.annotations.NullMarked;
