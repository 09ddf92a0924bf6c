package io.tenantkit.spring.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tenantkit.context.TenantContext;
import io.tenantkit.propagation.TenantFanOut;
import io.tenantkit.propagation.TenantFanOutException;
import io.tenantkit.spring.autoconfigure.TenantSchedulingAutoConfiguration;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PerTenantBeanPostProcessorTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantSchedulingAutoConfiguration.class))
            .withUserConfiguration(Registry.class);

    @Test
    void invokingAPerTenantMethodRunsItOncePerActiveTenant() {
        runner.withUserConfiguration(JobConfiguration.class).run(context -> {
            Jobs jobs = context.getBean(Jobs.class);
            jobs.closeDay("2026-11-23");
            assertThat(jobs.runs()).containsExactly("jp:2026-11-23", "us:2026-11-23");
            assertThat(TenantContext.currentOrNull()).isNull();
        });
    }

    @Test
    void aFailingTenantMakesTheInvocationThrowAfterTheOthersRan() {
        runner.withUserConfiguration(JobConfiguration.class).run(context -> {
            Jobs jobs = context.getBean(Jobs.class);
            assertThatExceptionOfType(TenantFanOutException.class).isThrownBy(() -> jobs.closeDay("fail-jp"))
                    .withMessageStartingWith("Job 'Jobs.closeDay' failed for 1 of 2 tenants: [jp]");
            assertThat(jobs.runs()).containsExactly("us:fail-jp");
        });
    }

    @Test
    void checkedExceptionsOfATenantAreCaughtAndReported() {
        runner.withUserConfiguration(JobConfiguration.class).run(context -> {
            Jobs jobs = context.getBean(Jobs.class);
            assertThatExceptionOfType(TenantFanOutException.class).isThrownBy(jobs::export)
                    .satisfies(e -> assertThat(e.failures()).hasSize(2)
                            .allSatisfy((id, failure) -> assertThat(failure).hasRootCauseInstanceOf(java.io.IOException.class)));
        });
    }

    @Test
    void parallelRunsUseBootsTaskExecutor() {
        runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
                .withUserConfiguration(ParallelJobConfiguration.class).run(context -> {
                    ParallelJobs jobs = context.getBean(ParallelJobs.class);
                    String caller = Thread.currentThread().getName();
                    jobs.warmCaches();
                    assertThat(jobs.runs()).containsExactlyInAnyOrder("jp", "us");
                    assertThat(jobs.threads()).allSatisfy(thread -> assertThat(thread).satisfiesAnyOf(
                            name -> assertThat(name).startsWith("task-"), name -> assertThat(name).isEqualTo(caller)));
                });
    }

    @Test
    void aParallelMethodWithoutAnExecutorFailsAtStartup() {
        runner.withUserConfiguration(ParallelJobConfiguration.class).run(context -> assertThat(mostSpecificCause(context.getStartupFailure()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@PerTenant(parallel = true) on [" + ParallelJobs.class.getName() + ".warmCaches]")
                .hasMessageContaining("applicationTaskExecutor"));
    }

    @Test
    void aMethodReturningAValueFailsAtStartupNamingIt() {
        runner.withUserConfiguration(BadJobConfiguration.class).run(context -> assertThat(mostSpecificCause(context.getStartupFailure()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("@PerTenant method " + BadJobs.class.getName() + ".count (bean 'badJobs') "
                        + "returns int, but it runs once per tenant"));
    }

    @Test
    void switchedOffByPropertyTheMethodRunsOnceAsWritten() {
        runner.withUserConfiguration(JobConfiguration.class)
                .withPropertyValues("tenantkit.propagation.scheduling.enabled=false").run(context -> {
                    assertThat(context).doesNotHaveBean(TenantFanOut.class);
                    Jobs jobs = context.getBean(Jobs.class);
                    jobs.closeDay("x");
                    assertThat(jobs.runs()).containsExactly("none:x");
                });
    }

    @Test
    void backsOffWithoutARegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TenantSchedulingAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(TenantFanOut.class)
                        .doesNotHaveBean(PerTenantBeanPostProcessor.class));
    }

    private static Throwable mostSpecificCause(Throwable failure) {
        return org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build(), Tenant.builder("us").build());
        }
    }

    static class Jobs {

        private final List<String> runs = new CopyOnWriteArrayList<>();

        List<String> runs() {
            return runs;
        }

        @PerTenant
        public void closeDay(String day) {
            String tenant = TenantContext.current().map(t -> t.id().value()).orElse("none");
            if (day.equals("fail-" + tenant)) {
                throw new IllegalStateException("cannot close " + tenant);
            }
            runs.add(tenant + ":" + day);
        }

        @PerTenant
        public void export() throws java.io.IOException {
            throw new java.io.IOException("disk full for " + TenantContext.require().id());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JobConfiguration {

        @Bean
        Jobs jobs() {
            return new Jobs();
        }
    }

    static class ParallelJobs {

        private final List<String> runs = new CopyOnWriteArrayList<>();
        private final List<String> threads = new CopyOnWriteArrayList<>();

        List<String> runs() {
            return runs;
        }

        List<String> threads() {
            return threads;
        }

        @PerTenant(parallel = true)
        public void warmCaches() {
            runs.add(TenantContext.require().id().value());
            threads.add(Thread.currentThread().getName());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ParallelJobConfiguration {

        @Bean
        ParallelJobs parallelJobs() {
            return new ParallelJobs();
        }
    }

    static class BadJobs {

        @PerTenant
        public int count() {
            return 1;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BadJobConfiguration {

        @Bean
        BadJobs badJobs() {
            return new BadJobs();
        }
    }
}
