package io.tenantkit.spring.kafka;

import java.util.Objects;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.FailedRecordProcessor;

/**
 * Attaches TenantKit to the Kafka beans of the context: the {@link TenantProducerInterceptor} to every
 * {@link KafkaTemplate} (Spring Boot's and the application's), after the interceptor the template already
 * has; and {@link TenantRecordException} as not retryable to every {@code DefaultErrorHandler} bean, so a
 * refused record goes to the recoverer (a dead-letter topic) at once. <em>Infrastructure</em>: created
 * by the auto-configuration.
 */
public final class TenantKafkaPostProcessor implements BeanPostProcessor {

    private static final String INTERCEPTOR_FIELD = "producerInterceptor";

    private final Supplier<TenantProducerInterceptor> interceptor;

    /**
     * A post-processor attaching the interceptor {@code interceptor} supplies, asked for at the first template.
     *
     * @param interceptor supplies the producer interceptor
     */
    public TenantKafkaPostProcessor(Supplier<TenantProducerInterceptor> interceptor) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof KafkaTemplate<?, ?> template) {
            TenantProducerInterceptor tenant = interceptor.get();
            ProducerInterceptor<Object, Object> existing = existing(template, beanName);
            if (!tenant.isAttachedAs(existing)) {
                ((KafkaTemplate) template).setProducerInterceptor(existing == null ? tenant : tenant.after(existing));
            }
        } else if (bean instanceof FailedRecordProcessor handler) {
            handler.addNotRetryableExceptions(TenantRecordException.class);
        }
        return bean;
    }

    /** The interceptor the template has: KafkaTemplate offers a setter but no getter. */
    @SuppressWarnings("unchecked")
    private static @Nullable ProducerInterceptor<Object, Object> existing(KafkaTemplate<?, ?> template, String beanName) {
        DirectFieldAccessor fields = new DirectFieldAccessor(template);
        if (!fields.isReadableProperty(INTERCEPTOR_FIELD)) {
            throw new IllegalStateException("Cannot read the producer interceptor of KafkaTemplate bean '" + beanName
                    + "' to add the tenant header after it (this spring-kafka version has no field '" + INTERCEPTOR_FIELD
                    + "'). Set tenantkit.kafka.enabled=false and add TenantProducerInterceptor to the template yourself.");
        }
        return (ProducerInterceptor<Object, Object>) fields.getPropertyValue(INTERCEPTOR_FIELD);
    }
}
