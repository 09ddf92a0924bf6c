/** Runs background work once per active tenant, each run inside that tenant's scope, failures isolated. */
@NullMarked
package io.tenantkit.spring.scheduling;

import org.jspecify.annotations.NullMarked;
