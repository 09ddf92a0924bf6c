/** Spring Boot glue for TenantKit: auto-configuration only; everything useful without Spring lives in tenant-core. */
@NullMarked
package io.tenantkit.spring;

import org.jspecify.annotations.NullMarked;
