/**
 * Hibernate's tenant discriminator over {@code TenantContext}: every row of an entity with a
 * {@code @TenantId} attribute carries its tenant, and Hibernate restricts every query, update and delete of
 * a session to the tenant that was current when the session opened. Uses core's context and Hibernate's
 * SPI (optional dependency); Spring Boot's {@code HibernatePropertiesCustomizer} installs it.
 */
@NullMarked
package io.tenantkit.spring.jpa;

import org.jspecify.annotations.NullMarked;
