/** The sample marketplace app: one Spring Boot app serving the country sites jp, us and de. */
@NullMarked
package io.tenantkit.samples.marketplace;

import org.jspecify.annotations.NullMarked;
