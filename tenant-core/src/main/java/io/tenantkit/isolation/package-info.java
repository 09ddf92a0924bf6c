/**
 * TenantKit's ArchUnit rule library, which architects run in their own tests so that every build proves
 * the country modules isolated: {@link io.tenantkit.isolation.TenantIsolationRules} for {@code @ArchTest}
 * fields, {@link io.tenantkit.isolation.TenantIsolation} to configure the rules or check them without
 * ArchUnit's JUnit support. Uses ArchUnit ({@code com.tngtech.archunit:archunit}, an optional dependency
 * of tenant-core that the user's test scope brings) and the JDK; knows the starter's annotations by name
 * only, never Spring.
 */
@NullMarked
package io.tenantkit.isolation;

import org.jspecify.annotations.NullMarked;
