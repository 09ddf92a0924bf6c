/**
 * Test support: {@link io.tenantkit.spring.test.WithTenant @WithTenant} runs a test with a tenant
 * current, and {@link io.tenantkit.spring.test.TenantTestRequests} names a tenant on MockMvc and
 * RestClient requests. Needs JUnit Jupiter and spring-test on the test classpath.
 */
@NullMarked
package io.tenantkit.spring.test;

import org.jspecify.annotations.NullMarked;
