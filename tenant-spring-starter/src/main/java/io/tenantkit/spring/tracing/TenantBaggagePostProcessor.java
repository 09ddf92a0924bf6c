package io.tenantkit.spring.tracing;

import java.util.Objects;
import java.util.function.Supplier;

import io.micrometer.tracing.BaggageManager;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link Propagator} bean in a {@link TenantBaggagePropagator}. <em>Infrastructure</em>:
 * created by the auto-configuration.
 */
public final class TenantBaggagePostProcessor implements BeanPostProcessor {

    private final Supplier<BaggageManager> baggage;
    private final String field;

    /**
     * A post-processor writing the tenant into the baggage field {@code field}.
     *
     * @param baggage supplies the tracer's baggage manager, asked for at the first propagator
     * @param field the baggage field, such as {@code tenant}
     */
    public TenantBaggagePostProcessor(Supplier<BaggageManager> baggage, String field) {
        this.baggage = Objects.requireNonNull(baggage, "baggage");
        this.field = Objects.requireNonNull(field, "field");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof Propagator propagator && !(bean instanceof TenantBaggagePropagator)) {
            return new TenantBaggagePropagator(propagator, baggage.get(), field);
        }
        return bean;
    }
}
