/** Stamps the current tenant on outgoing HTTP requests (RestClient, RestTemplate, WebClient) as a header. */
@NullMarked
package io.tenantkit.spring.http;

import org.jspecify.annotations.NullMarked;
