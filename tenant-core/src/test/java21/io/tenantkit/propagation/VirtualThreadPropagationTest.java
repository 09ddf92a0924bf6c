package io.tenantkit.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Compiled and run on JDK 21+ only (the {@code jdk21-tests} profile of tenant-core). */
class VirtualThreadPropagationTest {

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();

    static String seen() {
        Tenant t = TenantContext.currentOrNull();
        return (t == null ? "none" : t.id().value()) + "/" + MDC.get("tenant");
    }

    @Test
    void virtualThreadPerTaskExecutorCarriesTheTenant() throws Exception {
        try (ExecutorService executor = TenantExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            Future<String> asJp;
            Future<String> asNone = executor.submit(VirtualThreadPropagationTest::seen);
            try (TenantScope scope = TenantContext.enter(jp)) {
                asJp = executor.submit(VirtualThreadPropagationTest::seen);
            }
            assertThat(asJp.get()).isEqualTo("jp/jp");
            assertThat(asNone.get()).isEqualTo("none/null");
        }
    }

    @Test
    void wrappedRunnableCarriesTheTenantToAVirtualThread() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        Thread thread;
        try (TenantScope scope = TenantContext.enter(us)) {
            thread = Thread.ofVirtual().start(TenantExecutors.wrap(() -> seen.set(seen())));
        }
        thread.join();
        assertThat(seen.get()).isEqualTo("us/us");
    }

    @Test
    void unwrappedVirtualThreadSeesNoTenant() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (TenantScope scope = TenantContext.enter(us)) {
            Thread.ofVirtual().start(() -> seen.set(seen())).join();
        }
        assertThat(seen.get()).isEqualTo("none/null");
    }

    @Test
    void manyVirtualThreadsWithRandomTenantsNeverMix() throws Exception {
        Tenant[] tenants = new Tenant[8];
        for (int i = 0; i < tenants.length; i++) {
            tenants[i] = Tenant.builder("v" + i).build();
        }
        int total = Math.max(10_000, Integer.getInteger("tenantkit.stress.tasks", 200_000) / 4);
        List<Future<Boolean>> results = new ArrayList<>(total);
        try (ExecutorService executor = TenantExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            for (int i = 0; i < total; i++) {
                Tenant tenant = tenants[ThreadLocalRandom.current().nextInt(tenants.length)];
                try (TenantScope scope = TenantContext.enter(tenant)) {
                    String expected = tenant.id() + "/" + tenant.id();
                    results.add(executor.submit(() -> {
                        Thread.yield();
                        return expected.equals(seen());
                    }));
                }
            }
            long mismatches = 0;
            for (Future<Boolean> result : results) {
                if (!result.get()) {
                    mismatches++;
                }
            }
            assertThat(mismatches).as("virtual threads that saw a wrong or missing tenant").isZero();
        }
    }
}
