package io.tenantkit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import io.tenantkit.tenant.TenantSnapshot;

import org.junit.jupiter.api.Test;

/**
 * Rebuilds tables while calls are in flight on real threads: one thread replaces the bindings, another
 * replaces the tenant snapshot with the same tenants in a new order (so that every index moves), and
 * callers resolve their tenant from the registry again for every call, so that they hold tenants of
 * snapshots older and newer than the table they call through.
 */
class AtomicRebuildTest {

    private static final int REBUILDS = 300;

    private static final List<Tenant> DECLARED = List.of(Fixtures.APAC, Fixtures.JP, Fixtures.KR, Fixtures.US,
            Tenant.builder("de").build(), Tenant.builder("fr").build());

    /** Per caller, the levels of its chain: its own binding (if any), its parent's, the global default. */
    private static final Map<String, List<String>> CHAINS = Map.of(
            "jp", List.of("jp", "apac", "global"),
            "kr", List.of("apac", "global"),
            "us", List.of("us", "global"),
            "de", List.of("de", "global"),
            "fr", List.of("global"));

    @Test
    void everyCallGetsItsOwnTenantsImplementationsFromOneTable() throws Exception {
        TenantRegistry tenants = new TenantRegistry(TenantSnapshot.of(DECLARED));
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bindAll(generation(0)).build();
        ExtensionHandle<FeePolicy> fees = registry.handle(FeePolicy.class);
        FeePolicy router = ExtensionRouters.create(fees);
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, AtomicLong> calls = new LinkedHashMap<>();
        CHAINS.keySet().forEach(id -> calls.put(id, new AtomicLong()));
        ExecutorService pool = Executors.newFixedThreadPool(CHAINS.size() + 2);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (String id : CHAINS.keySet()) {
                callers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        Tenant tenant = tenants.require(TenantId.of(id));
                        TenantContext.runAs(tenant, () -> {
                            // One table read per call: the whole chain is the caller's, from one generation.
                            List<String> chain = fees.all().stream().map(FeePolicy::name).toList();
                            String generation = chain.get(0).substring(chain.get(0).indexOf('/'));
                            assertThat(chain).as("chain of %s", id)
                                    .containsExactlyElementsOf(CHAINS.get(id).stream().map(level -> level + generation).toList());
                            assertThat(router.name()).as("router for %s", id).startsWith(CHAINS.get(id).get(0) + "/");
                        });
                        calls.get(id).incrementAndGet();
                    }
                }));
            }
            Future<?> binder = pool.submit(() -> {
                for (int g = 1; g <= REBUILDS; g++) {
                    registry.replaceBindings(generation(g));
                }
            });
            Future<?> reorderer = pool.submit(() -> {
                Random random = new Random(42);
                for (int i = 0; i < REBUILDS; i++) {
                    List<Tenant> shuffled = new ArrayList<>(DECLARED);
                    Collections.shuffle(shuffled, random);
                    tenants.replace(TenantSnapshot.of(shuffled));
                }
            });
            binder.get(60, TimeUnit.SECONDS);
            reorderer.get(60, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<?> caller : callers) {
                caller.get(30, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(calls).allSatisfy((id, n) -> assertThat(n.get()).as("calls for %s", id).isPositive());
    }

    private static List<ExtensionBinding<?>> generation(int g) {
        return List.of(
                ExtensionBinding.builder(FeePolicy.class, Fixtures.fee("global/" + g, 10)).build(),
                ExtensionBinding.builder(FeePolicy.class, Fixtures.fee("apac/" + g, 8)).tenants("apac").build(),
                ExtensionBinding.builder(FeePolicy.class, Fixtures.fee("jp/" + g, 5)).tenants("jp").build(),
                ExtensionBinding.builder(FeePolicy.class, Fixtures.fee("us/" + g, 7)).tenants("us").build(),
                ExtensionBinding.builder(FeePolicy.class, Fixtures.fee("de/" + g, 6)).tenants("de").build());
    }
}
