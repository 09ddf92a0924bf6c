/** Spring Boot auto-configuration of TenantKit: glue only, each class switching one capability on. */
@NullMarked
package io.tenantkit.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
