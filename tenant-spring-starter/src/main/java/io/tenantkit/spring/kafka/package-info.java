/**
 * The tenant on Kafka records (spring-kafka, optional dependency): producing stamps the current tenant
 * as a record header, consuming runs each record listener inside the tenant its header names and refuses
 * records without a valid tenant of this service, and a helper does the same record by record for batch
 * listeners. Uses core's tenant, context and registry, spring-kafka and the Kafka client; nothing of the
 * web entry.
 */
@NullMarked
package io.tenantkit.spring.kafka;

import org.jspecify.annotations.NullMarked;
