package io.tenantkit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;

/** Rebuilds tables (bindings and tenant changes) while calls are in flight on a real thread pool. */
class AtomicRebuildTest {

    private static final int REBUILDS = 300;

    @Test
    void noCallSeesAHalfBuiltTable() throws Exception {
        TenantRegistry tenants = Fixtures.tenants();
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bindAll(generation(0)).build();
        ExtensionHandle<FeePolicy> fees = registry.handle(FeePolicy.class);
        FeePolicy router = ExtensionRouters.create(fees);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (String id : List.of("jp", "kr", "us")) {
                callers.add(pool.submit(() -> {
                    Tenant tenant = tenants.require(TenantId.of(id));
                    while (!stop.get()) {
                        TenantContext.runAs(tenant, () -> {
                            // One table read per call: the whole chain comes from one generation.
                            List<FeePolicy> chain = fees.all();
                            String generation = chain.get(0).name().split("/")[1];
                            assertThat(chain).allSatisfy(f -> assertThat(f.name()).endsWith("/" + generation));
                            assertThat(chain.get(0).name()).startsWith(expectedFirst(id));
                            assertThat(router.name()).startsWith(expectedFirst(id));
                        });
                        calls.incrementAndGet();
                    }
                }));
            }
            for (int g = 1; g <= REBUILDS; g++) {
                registry.replaceBindings(generation(g));
                Tenant extra = Tenant.builder("de").build();
                boolean add = g % 2 == 0;
                tenants.update(s -> add ? s.with(extra) : s.without(extra.id()));
            }
            stop.set(true);
            for (Future<?> caller : callers) {
                caller.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls.get()).isPositive();
    }

    private static String expectedFirst(String tenant) {
        return tenant.equals("us") ? "global" : tenant.equals("jp") ? "jp" : "apac";
    }

    private static List<ExtensionBinding<?>> generation(int g) {
        return List.of(
                ExtensionBinding.global(FeePolicy.class, Fixtures.fee("global/" + g, 10)),
                ExtensionBinding.to(FeePolicy.class, Fixtures.fee("apac/" + g, 8), "apac"),
                ExtensionBinding.to(FeePolicy.class, Fixtures.fee("jp/" + g, 5), "jp"));
    }
}
