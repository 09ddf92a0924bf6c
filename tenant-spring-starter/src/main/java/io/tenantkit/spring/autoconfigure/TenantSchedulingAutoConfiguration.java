package io.tenantkit.spring.autoconfigure;

import java.util.concurrent.Executor;

import io.tenantkit.propagation.TenantFanOut;
import io.tenantkit.spring.scheduling.PerTenantBeanPostProcessor;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-tenant background work: the {@link TenantFanOut} bean, and the post-processor that makes
 * {@code @PerTenant} methods (typically {@code @Scheduled} ones) run once per active tenant. Parallel
 * runs use Spring Boot's {@code applicationTaskExecutor}.
 */
@AutoConfiguration(afterName = "io.tenantkit.spring.autoconfigure.TenantAutoConfiguration",
        after = TaskExecutionAutoConfiguration.class)
@ConditionalOnBean(TenantRegistry.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.propagation.scheduling.enabled", matchIfMissing = true)
public final class TenantSchedulingAutoConfiguration {

    TenantSchedulingAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    static class FanOutConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantFanOut tenantFanOut(TenantRegistry registry,
                @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
                ObjectProvider<Executor> applicationTaskExecutor) {
            return new TenantFanOut(registry, applicationTaskExecutor.getIfAvailable());
        }

        @Bean
        @ConditionalOnMissingBean
        static PerTenantBeanPostProcessor perTenantBeanPostProcessor(ObjectProvider<TenantFanOut> fanOut) {
            return new PerTenantBeanPostProcessor(fanOut);
        }
    }
}
