package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.spring.propagation.TenantTaskDecorator;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@SuppressWarnings("try") // scopes entered in try-with-resources are closed, not read
class TenantTaskAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(TenantTaskAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
                    TaskSchedulingAutoConfiguration.class));

    private final Tenant jp = Tenant.builder("jp").build();

    @Test
    void bootsTaskExecutorCarriesTheTenantAndStillAppliesTheApplicationsDecorator() {
        runner.withUserConfiguration(UserDecorator.class).run(context -> {
            ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
            String seen;
            try (TenantScope ignored = TenantContext.enter(jp)) {
                seen = CompletableFuture.supplyAsync(() -> TenantContext.require().id().value() + "/"
                        + MDC.get("user"), executor).join();
            }
            assertThat(seen).isEqualTo("jp/decorated-under-jp");
        });
    }

    @Test
    void schedulersBuiltByBootCarryTheTenant() {
        runner.run(context -> {
            ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskSchedulerBuilder.class).build();
            scheduler.initialize();
            try {
                CompletableFuture<String> seen = new CompletableFuture<>();
                try (TenantScope ignored = TenantContext.enter(jp)) {
                    scheduler.execute(() -> seen.complete(TenantContext.require().id().value()));
                }
                assertThat(seen.join()).isEqualTo("jp");
            } finally {
                scheduler.shutdown();
            }
        });
    }

    @Test
    void byDefaultTheTenantTheMdcAndTheContextSnapshotTravel() {
        runner.run(context -> assertThat(context.getBean(TenantTaskDecorator.class))
                .hasToString("TenantTaskDecorator[tenant, mdc, context-snapshot]"));
    }

    @Test
    void partsFollowTheProperties() {
        runner.withPropertyValues("tenantkit.propagation.mdc=false", "tenantkit.propagation.context-snapshot=false")
                .run(context -> assertThat(context.getBean(TenantTaskDecorator.class))
                        .hasToString("TenantTaskDecorator[tenant]"));
    }

    @Test
    void switchedOffByProperty() {
        runner.withPropertyValues("tenantkit.propagation.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TenantTaskDecorator.class));
    }

    @Test
    void backsOffToTheApplicationsOwnDecorator() {
        runner.withUserConfiguration(OwnTenantDecorator.class).run(context -> {
            assertThat(context).hasSingleBean(TenantTaskDecorator.class);
            assertThat(context.getBean(TenantTaskDecorator.class)).hasToString("TenantTaskDecorator[tenant, context-snapshot]");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDecorator {

        @Bean
        TaskDecorator userDecorator() {
            return task -> () -> {
                MDC.put("user", "decorated-under-" + MDC.get(TenantContext.MDC_KEY));
                try {
                    task.run();
                } finally {
                    MDC.remove("user");
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTenantDecorator {

        @Bean
        TenantTaskDecorator myDecorator() {
            return new TenantTaskDecorator(false, true);
        }
    }
}
