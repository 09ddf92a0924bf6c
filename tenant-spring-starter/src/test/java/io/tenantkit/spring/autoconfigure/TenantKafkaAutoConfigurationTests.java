package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.context.TenantContext;
import io.tenantkit.spring.kafka.TenantProducerInterceptor;
import io.tenantkit.spring.kafka.TenantRecordInterceptor;
import io.tenantkit.spring.kafka.TenantRecordResolver;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The Kafka auto-configuration without a broker: what it attaches to Spring Boot's and the application's
 * Kafka beans, how it composes with the application's interceptors, and when it backs off.
 */
class TenantKafkaAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantKafkaAutoConfiguration.class,
                    KafkaAutoConfiguration.class))
            .withPropertyValues("tenantkit.tenants.jp.name=Japan");

    @Test
    void bootsKafkaTemplateStampsTheTenantHeader() {
        runner.run(context -> {
            ProducerRecord<Object, Object> record = sendThrough(context.getBean(KafkaTemplate.class), tenant(context, "jp"));

            assertThat(header(record, "X-Tenant-Id")).isEqualTo("jp");
        });
    }

    @Test
    void theHeaderNameFollowsTheWebEntryUnlessSetForKafka() {
        runner.withPropertyValues("tenantkit.web.header.name=X-Site").run(context ->
                assertThat(context.getBean(TenantProducerInterceptor.class).headerName()).isEqualTo("X-Site"));
        runner.withPropertyValues("tenantkit.web.header.name=X-Site", "tenantkit.kafka.header-name=tenant").run(context -> {
            assertThat(context.getBean(TenantProducerInterceptor.class).headerName()).isEqualTo("tenant");
            assertThat(context.getBean(TenantRecordResolver.class).headerName()).isEqualTo("tenant");
        });
    }

    @Test
    void anApplicationTemplateKeepsItsOwnInterceptorWhichRunsFirst() {
        runner.withUserConfiguration(OwnTemplate.class).run(context -> {
            ProducerRecord<Object, Object> record = sendThrough(context.getBean("ownTemplate", KafkaTemplate.class), tenant(context, "jp"));

            assertThat(header(record, "X-App")).isEqualTo("seen");
            assertThat(header(record, "X-Tenant-Id")).isEqualTo("jp");
        });
    }

    @Test
    void bootsListenerFactoryGetsTheTenantInterceptorWhichRunsTheApplicationsOwnInsideTheTenant() {
        runner.withUserConfiguration(OwnRecordInterceptor.class).run(context -> {
            Object applied = ReflectionTestUtils.getField(context.getBean(ConcurrentKafkaListenerContainerFactory.class), "recordInterceptor");
            assertThat(applied).isSameAs(context.getBean(TenantRecordInterceptor.class));

            ConsumerRecord<Object, Object> record = new ConsumerRecord<>("orders", 0, 7L, null, "v");
            record.headers().add("X-Tenant-Id", "jp".getBytes(StandardCharsets.UTF_8));
            TenantRecordInterceptor interceptor = context.getBean(TenantRecordInterceptor.class);
            interceptor.intercept(record, null);
            interceptor.afterRecord(record, null);

            assertThat(context.getBean(OwnRecordInterceptor.class).seen).hasValue("jp");
            assertThat(TenantContext.currentOrNull()).as("closed after the record").isNull();
        });
    }

    @Test
    void backsOffToTheApplicationsOwnBeansAndOffWhenDisabled() {
        runner.withUserConfiguration(OwnTenantBeans.class).run(context -> {
            assertThat(context).getBean(TenantProducerInterceptor.class).isSameAs(context.getBean("ownProducerInterceptor"));
            assertThat(context).getBean(TenantRecordResolver.class).isSameAs(context.getBean("ownResolver"));
        });
        runner.withPropertyValues("tenantkit.kafka.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(TenantProducerInterceptor.class).doesNotHaveBean(TenantRecordInterceptor.class)
                .doesNotHaveBean(TenantRecordResolver.class));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerRecord<Object, Object> sendThrough(KafkaTemplate template, Tenant tenant) {
        ProducerInterceptor<Object, Object> interceptor = (ProducerInterceptor<Object, Object>) ReflectionTestUtils.getField(template,
                "producerInterceptor");
        assertThat(interceptor).as("the template's producer interceptor").isNotNull();
        return TenantContext.supplyAs(tenant, () -> interceptor.onSend(new ProducerRecord<>("orders", "v")));
    }

    private static Tenant tenant(org.springframework.context.ApplicationContext context, String id) {
        return context.getBean(TenantRegistry.class).require(TenantId.of(id));
    }

    private static @Nullable String header(ProducerRecord<Object, Object> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTemplate {

        @Bean
        KafkaTemplate<Object, Object> ownTemplate(ProducerFactory<Object, Object> producers) {
            KafkaTemplate<Object, Object> template = new KafkaTemplate<>(producers);
            template.setProducerInterceptor(new ProducerInterceptor<>() {
                @Override
                public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
                    record.headers().add("X-App", "seen".getBytes(StandardCharsets.UTF_8));
                    return record;
                }

                @Override
                public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
                }

                @Override
                public void close() {
                }

                @Override
                public void configure(Map<String, ?> configs) {
                }
            });
            return template;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRecordInterceptor implements RecordInterceptor<Object, Object> {

        final AtomicReference<String> seen = new AtomicReference<>();

        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            seen.set(TenantContext.require().id().value());
            return record;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTenantBeans {

        @Bean
        TenantProducerInterceptor ownProducerInterceptor() {
            return new TenantProducerInterceptor("X-Own");
        }

        @Bean
        TenantRecordResolver ownResolver(TenantRegistry registry) {
            return new TenantRecordResolver(registry, "X-Own");
        }
    }
}
