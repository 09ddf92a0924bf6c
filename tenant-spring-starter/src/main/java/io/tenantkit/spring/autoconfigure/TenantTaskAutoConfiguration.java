package io.tenantkit.spring.autoconfigure;

import io.tenantkit.spring.propagation.TenantTaskDecorator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Contributes the {@link TenantTaskDecorator} bean. Spring Boot composes all {@code TaskDecorator} beans
 * into the decorator of its task executor ({@code @Async}, {@code ThreadPoolTaskExecutorBuilder}) and
 * scheduler ({@code @Scheduled}, {@code ThreadPoolTaskSchedulerBuilder}), so the application's own
 * decorators keep working beside this one.
 */
@AutoConfiguration(before = {TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class})
@EnableConfigurationProperties(TenantPropagationProperties.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
public final class TenantTaskAutoConfiguration {

    TenantTaskAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tenantkit.propagation.enabled", matchIfMissing = true)
    static class TaskDecoratorConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantTaskDecorator tenantTaskDecorator(TenantPropagationProperties properties) {
            return new TenantTaskDecorator(properties.mdc(), properties.contextSnapshot());
        }
    }
}
