/**
 * The unified traffic entry for Spring MVC: {@link io.tenantkit.spring.web.TenantWebFilter} resolves the
 * tenant of each request through an ordered chain of {@link io.tenantkit.spring.web.TenantResolver
 * resolvers}, rejects bad input with RFC 9457 problem responses, and enters the tenant for the rest of
 * the request.
 */
@NullMarked
package io.tenantkit.spring.web;

import org.jspecify.annotations.NullMarked;
