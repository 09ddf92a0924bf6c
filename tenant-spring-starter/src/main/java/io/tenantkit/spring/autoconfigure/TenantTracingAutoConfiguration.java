package io.tenantkit.spring.autoconfigure;

import io.micrometer.tracing.Tracer;
import io.tenantkit.spring.tracing.TenantBaggagePostProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The tenant in trace baggage, when Micrometer Tracing is present and
 * {@code tenantkit.tracing.baggage.enabled=true}: every {@code Propagator} bean is wrapped so that what it
 * sends on carries the current tenant in the baggage field {@code tenantkit.tracing.baggage.field}.
 */
@AutoConfiguration
@EnableConfigurationProperties(TenantTracingProperties.class)
@ConditionalOnClass(name = "io.micrometer.tracing.propagation.Propagator")
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.tracing.baggage.enabled")
public final class TenantTracingAutoConfiguration {

    TenantTracingAutoConfiguration() {
    }

    /** Static, as a post-processor must be; it reads its one property from the environment for the same reason. */
    @Bean
    @ConditionalOnMissingBean
    static TenantBaggagePostProcessor tenantBaggagePostProcessor(ObjectProvider<Tracer> tracer, Environment environment) {
        String field = environment.getProperty("tenantkit.tracing.baggage.field", "tenant");
        if (field.isBlank()) {
            throw new InvalidTenantPropertyException("tenantkit.tracing.baggage.field", "it is blank",
                    "Set tenantkit.tracing.baggage.field to a baggage field name such as tenant.");
        }
        return new TenantBaggagePostProcessor(tracer::getObject, field);
    }
}
