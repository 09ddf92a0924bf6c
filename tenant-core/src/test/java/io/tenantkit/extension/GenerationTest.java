package io.tenantkit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;

/**
 * One generation for tenants and tables (issue 9, item 8): the TenantRegistry used to publish a new
 * snapshot before the extension tables were rebuilt, so a newly added tenant got an
 * ExtensionResolutionException in that window, and handles were updated one by one, so two points could
 * answer from different generations. Every implementation here reports the level it is bound to and the
 * generation of bindings it belongs to ({@code r1/7}), so that a mix is visible.
 */
class GenerationTest {

    @ExtensionPoint
    interface Stamp {
        String label();
    }

    @ExtensionPoint
    interface Seal {
        String label();
    }

    private static final Tenant R1 = Tenant.builder("r1").status(TenantStatus.INACTIVE).build();
    private static final Tenant R2 = Tenant.builder("r2").status(TenantStatus.INACTIVE).build();

    @Test
    void aTenantAddedIsServedAsSoonAsTheTenantRegistryHandsItOut() {
        TenantRegistry tenants = TenantRegistry.of(R1, R2, site("jp", R1));
        List<String> seen = new ArrayList<>();
        AtomicReference<ExtensionHandle<Stamp>> stamps = new AtomicReference<>();
        // Registered first, so it hears of the change before the extension registry publishes its tables.
        tenants.addListener((TenantRegistryListener) (previous, current) -> {
            Tenant de = current.require(TenantId.of("de"));
            seen.add(TenantContext.supplyAs(de, () -> stamps.get().current().label()));
        });
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bindAll(bindings(1)).build();
        stamps.set(registry.handle(Stamp.class));

        tenants.update(s -> s.with(site("de", R2)));

        assertThat(seen).containsExactly("r2/1");
    }

    @Test
    void aTenantRemovedWhileACallIsInFlightIsAnsweredFromItsGenerationUntilTheNextTenantChange() {
        TenantRegistry tenants = TenantRegistry.of(R1, R2, site("jp", R1), site("us", R2));
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bindAll(bindings(1)).build();
        ExtensionHandle<Stamp> stamps = registry.handle(Stamp.class);
        ExtensionHandle<Seal> seals = registry.handle(Seal.class);
        Tenant jp = tenants.require(TenantId.of("jp"));

        tenants.update(s -> s.without(TenantId.of("jp")));
        registry.replaceBindings(bindings(2));

        assertThat(TenantContext.supplyAs(jp, () -> stamps.current().label() + " " + seals.all().stream().map(Seal::label).toList()))
                .isEqualTo("r1/1 [r1/1, global/1]");

        tenants.update(s -> s.with(site("kr", R1)));

        assertThatExceptionOfType(ExtensionResolutionException.class)
                .isThrownBy(() -> TenantContext.runAs(jp, () -> stamps.current()))
                .withMessageStartingWith("Tenant 'jp' is not declared in the tenant snapshot extension point");
        assertThat(TenantContext.supplyAs(tenants.require(TenantId.of("us")), () -> stamps.current().label())).isEqualTo("r2/2");
    }

    @Test
    void aPublishedChangeSendsCallsThroughEveryOldTableToTheRegistryBeforeAnyHandleMoves() {
        TenantRegistry tenants = TenantRegistry.of(R1, R2, site("jp", R1));
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bindAll(bindings(1)).build();
        registry.handle(Stamp.class);
        registry.handle(Seal.class);
        Tenant jp = tenants.require(TenantId.of("jp"));
        Generation before = registry.generationFor(jp);

        registry.replaceBindings(bindings(2));

        // A handle not yet moved to its new table would still answer jp from the old one without this.
        assertThat(before.tables.values()).allSatisfy(table -> assertThat(table.owner().indexOfOwn(jp)).isEqualTo(-1));
        assertThat(registry.generationFor(jp).tables.values())
                .allSatisfy(table -> assertThat(table.owner().indexOfOwn(jp)).isNotNegative());
    }

    @Test
    void aTenantOfAnOlderSnapshotIsAnsweredByIdFromThePublishedGeneration() {
        TenantRegistry tenants = TenantRegistry.of(R1, R2, site("jp", R1));
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bindAll(bindings(1)).build();
        ExtensionHandle<Stamp> stamps = registry.handle(Stamp.class);
        Tenant jpUnderR1 = tenants.require(TenantId.of("jp"));

        tenants.update(s -> s.with(site("jp", R2)));
        tenants.update(s -> s.with(site("us", R2)));

        assertThat(TenantContext.supplyAs(jpUnderR1, () -> stamps.current().label())).isEqualTo("r2/1");
    }

    /**
     * Tenants added, suspended, removed and moved between regions in a loop, bindings replaced in
     * another, while readers take an active tenant from the snapshot they see and call two points (one
     * through a router) and a reducer: every answer must come from the region the reader's tenant has in
     * that snapshot, the chain from one generation, and the generations a reader sees may only grow. A
     * tenant change waits until every reader finished a call begun after the last one: the registry keeps
     * the generation of the snapshot a change replaced, not older ones.
     */
    @Test
    void readersNeverFailForATenantActiveInTheSnapshotTheySawAndNeverSeeAMixOfGenerations() throws Exception {
        int readers = 3;
        int tenantChanges = 100;
        int bindingChanges = 200;
        TenantRegistry tenants = new TenantRegistry(snapshot(0));
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bindAll(bindings(0)).build();
        ExtensionHandle<Stamp> stamps = registry.handle(Stamp.class);
        ExtensionHandle<Seal> seals = registry.handle(Seal.class);
        Seal sealRouter = ExtensionRouters.create(seals);
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLongArray iterations = new AtomicLongArray(readers);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(readers + 2);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                int reader = r;
                calls.add(pool.submit(() -> {
                    Random random = new Random(reader);
                    while (!stop.get()) {
                        List<Tenant> active = tenants.snapshot().active();
                        Tenant tenant = active.get(random.nextInt(active.size()));
                        String region = tenant.parent().orElseThrow().value();
                        try {
                            TenantContext.runAs(tenant, () -> {
                                List<String> answers = new ArrayList<>();
                                for (int k = 0; k < 8; k++) {
                                    answers.add(stamps.current().label());
                                    answers.add(sealRouter.label());
                                }
                                List<String> chain = stamps.all().stream().map(Stamp::label).toList();
                                answers.add(chain.get(0));
                                answers.add(seals.current().label());
                                check(tenant, region, answers, chain, problems);
                            });
                        } catch (RuntimeException e) {
                            problems.add(tenant.id() + ": " + e);
                        }
                        iterations.incrementAndGet(reader);
                    }
                }));
            }
            Future<?> binder = pool.submit(() -> {
                for (int g = 1; g <= bindingChanges && !stop.get(); g++) {
                    registry.replaceBindings(bindings(g));
                }
            });
            Future<?> churn = pool.submit(() -> {
                for (int i = 1; i <= tenantChanges && !stop.get(); i++) {
                    tenants.replace(snapshot(i));
                    long[] seen = new long[readers];
                    for (int r = 0; r < readers; r++) {
                        seen[r] = iterations.get(r);
                    }
                    for (int r = 0; r < readers; r++) {
                        while (iterations.get(r) <= seen[r] && !stop.get()) {
                            Thread.onSpinWait();
                        }
                    }
                }
            });
            churn.get(120, TimeUnit.SECONDS);
            binder.get(120, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        for (int r = 0; r < readers; r++) {
            assertThat(iterations.get(r)).as("iterations of reader %s", r).isGreaterThan(tenantChanges);
        }
    }

    private static void check(Tenant tenant, String region, List<String> answers, List<String> chain, Queue<String> problems) {
        int last = -1;
        for (String answer : answers) {
            int generation = Integer.parseInt(answer.substring(answer.indexOf('/') + 1));
            if (!answer.startsWith(region + "/") || generation < last) {
                problems.add(tenant.id() + " under " + region + " got " + answers + " (chain " + chain + ")");
                return;
            }
            last = generation;
        }
        String generation = chain.get(0).substring(chain.get(0).indexOf('/'));
        if (!chain.equals(List.of(region + generation, "global" + generation))) {
            problems.add(tenant.id() + " under " + region + " got the chain " + chain);
        }
    }

    /**
     * Snapshot {@code i}: the regions; c0 to c3, moved between the regions on every change; n(i) added,
     * n(i-1) suspended, n(i-2) removed.
     */
    private static TenantSnapshot snapshot(int i) {
        List<Tenant> all = new ArrayList<>(List.of(R1, R2));
        for (int c = 0; c < 4; c++) {
            all.add(site("c" + c, (c + i) % 2 == 0 ? R1 : R2));
        }
        if (i >= 1) {
            all.add(site("n" + (i - 1), i % 2 == 0 ? R1 : R2).toBuilder().status(TenantStatus.SUSPENDED).build());
        }
        all.add(site("n" + i, i % 2 == 0 ? R2 : R1));
        return TenantSnapshot.of(all);
    }

    private static Tenant site(String id, Tenant region) {
        return Tenant.builder(id).parent(region.id().value()).build();
    }

    private static List<ExtensionBinding<?>> bindings(int g) {
        List<ExtensionBinding<?>> out = new ArrayList<>();
        for (String level : List.of("global", "r1", "r2")) {
            Stamp stamp = () -> level + "/" + g;
            Seal seal = () -> level + "/" + g;
            ExtensionBinding.Builder<Stamp> s = ExtensionBinding.builder(Stamp.class, stamp);
            ExtensionBinding.Builder<Seal> e = ExtensionBinding.builder(Seal.class, seal);
            if (!level.equals("global")) {
                s.tenants(level);
                e.tenants(level);
            }
            out.add(s.build());
            out.add(e.build());
        }
        return out;
    }
}
