/**
 * The tenant on the wire: stamps the current tenant on outgoing HTTP requests (RestClient, RestTemplate,
 * WebClient) as a header, optionally only towards listed base URLs, and holds the HTTP token check the
 * web entry shares. Uses core's context and Spring's HTTP client types; nothing of the servlet API.
 */
@NullMarked
package io.tenantkit.spring.http;

import org.jspecify.annotations.NullMarked;
