/**
 * The country scaffold: generates a new country module of the marketplace sample ({@code site-<id>}: its
 * pom, {@code @TenantModule} class, extension stubs that delegate to the defaults, tenant file, messages,
 * auto-configuration imports and a test) from a few validated inputs. A build tool run by
 * {@code ./mvnw ... exec:java}; it uses tenant-core's {@code TenantId} rules and reads the extension points of
 * marketplace-api by reflection, and nothing of Spring.
 */
@NullMarked
package io.tenantkit.samples.scaffold;

import org.jspecify.annotations.NullMarked;
