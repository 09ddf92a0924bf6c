package io.tenantkit.spring.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Many tasks with random tenants (and some without) through a real pool decorated like Spring Boot's:
 * no task sees a wrong tenant or MDC value, and no pooled thread keeps a tenant afterwards. The number of
 * tasks comes from the {@code tenantkit.stress.tasks} system property (set by the build).
 */
class TenantTaskDecoratorStressTests {

    private static final int TASKS = Integer.getInteger("tenantkit.stress.tasks", 20_000);
    private static final int THREADS = 4;

    @Test
    void randomTenantsThroughTheDecoratedPoolNeverSeeAWrongTenantNorLeaveOneBehind() {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tenants.add(Tenant.builder("t" + i).build());
        }
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(THREADS);
        pool.setMaxPoolSize(THREADS);
        pool.setTaskDecorator(new TenantTaskDecorator());
        pool.initialize();
        AtomicInteger wrong = new AtomicInteger();
        try {
            List<CompletableFuture<?>> batch = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                int pick = ThreadLocalRandom.current().nextInt(tenants.size() + 1);
                Tenant expected = pick == tenants.size() ? null : tenants.get(pick);
                Runnable check = () -> {
                    String mdc = MDC.get(TenantContext.MDC_KEY);
                    if (TenantContext.currentOrNull() != expected
                            || (expected == null ? mdc != null : !expected.id().value().equals(mdc))) {
                        wrong.incrementAndGet();
                    }
                };
                batch.add(expected == null ? CompletableFuture.runAsync(check, pool)
                        : TenantContext.supplyAs(expected, () -> CompletableFuture.runAsync(check, pool)));
                if (batch.size() == 1_000) {
                    CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
                    batch.clear();
                }
            }
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();

            List<CompletableFuture<String>> leftovers = new ArrayList<>();
            for (int i = 0; i < THREADS * 8; i++) {
                leftovers.add(CompletableFuture.supplyAsync(
                        () -> TenantContext.currentOrNull() + "/" + MDC.get(TenantContext.MDC_KEY), pool));
            }

            assertThat(wrong).as("tasks that saw a wrong tenant or MDC value, of " + TASKS).hasValue(0);
            assertThat(leftovers).allSatisfy(seen -> assertThat(seen.join()).isEqualTo("null/null"));
        } finally {
            pool.shutdown();
        }
    }
}
