package io.tenantkit.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.tenantkit.spring.kafka.TenantKafkaPostProcessor;
import io.tenantkit.spring.kafka.TenantProducerInterceptor;
import io.tenantkit.spring.kafka.TenantRecordInterceptor;
import io.tenantkit.spring.kafka.TenantRecordResolver;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The tenant on Kafka records, when spring-kafka is present: the {@link TenantProducerInterceptor} on
 * every {@code KafkaTemplate} bean, the {@link TenantRecordInterceptor} Spring Boot applies to its
 * listener container factory ({@code @Primary}, composing the application's own
 * {@code RecordInterceptor<Object, Object>} beans), and the {@link TenantRecordResolver} for batch
 * listeners. The header is {@code tenantkit.kafka.header-name}, else the one the web entry reads
 * ({@code tenantkit.web.header.name}).
 */
@AutoConfiguration(after = TenantAutoConfiguration.class, beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties({TenantKafkaProperties.class, TenantWebProperties.class})
@ConditionalOnClass(name = {"org.springframework.kafka.core.KafkaTemplate", "org.springframework.kafka.listener.RecordInterceptor"})
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.kafka.enabled", matchIfMissing = true)
@ConditionalOnBean(TenantRegistry.class)
public final class TenantKafkaAutoConfiguration {

    private static final String RECORD_INTERCEPTOR = "tenantRecordInterceptor";

    TenantKafkaAutoConfiguration() {
    }

    private static String headerName(TenantKafkaProperties kafka, TenantWebProperties web) {
        String own = kafka.headerName();
        String property = own != null ? "tenantkit.kafka.header-name" : "tenantkit.web.header.name";
        String name = own != null ? own : web.header().name();
        return InvalidTenantPropertyException.ifValid(property, "Set " + property + " to a header name such as X-Tenant-Id.",
                () -> new TenantProducerInterceptor(name).headerName());
    }

    @Bean
    @ConditionalOnMissingBean
    TenantRecordResolver tenantRecordResolver(TenantRegistry registry, TenantKafkaProperties kafka, TenantWebProperties web) {
        return new TenantRecordResolver(registry, headerName(kafka, web));
    }

    @Bean
    @ConditionalOnMissingBean
    TenantProducerInterceptor tenantProducerInterceptor(TenantKafkaProperties kafka, TenantWebProperties web) {
        return new TenantProducerInterceptor(headerName(kafka, web));
    }

    @Bean(RECORD_INTERCEPTOR)
    @Primary
    @ConditionalOnMissingBean
    TenantRecordInterceptor tenantRecordInterceptor(TenantRecordResolver resolver, TenantKafkaProperties kafka, ListableBeanFactory beans) {
        return new TenantRecordInterceptor(resolver, kafka.tenantlessGroupIds(), applicationInterceptors(beans));
    }

    @Bean
    static TenantKafkaPostProcessor tenantKafkaPostProcessor(ObjectProvider<TenantProducerInterceptor> interceptor) {
        return new TenantKafkaPostProcessor(interceptor::getObject);
    }

    /** The application's own {@code RecordInterceptor<Object, Object>} beans, which Spring Boot would otherwise apply, in order. */
    @SuppressWarnings("unchecked")
    private static List<RecordInterceptor<Object, Object>> applicationInterceptors(ListableBeanFactory beans) {
        List<RecordInterceptor<Object, Object>> own = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(ResolvableType.forClassWithGenerics(RecordInterceptor.class, Object.class, Object.class))) {
            if (!name.equals(RECORD_INTERCEPTOR)) {
                own.add((RecordInterceptor<Object, Object>) beans.getBean(name));
            }
        }
        AnnotationAwareOrderComparator.sort(own);
        return own;
    }
}
