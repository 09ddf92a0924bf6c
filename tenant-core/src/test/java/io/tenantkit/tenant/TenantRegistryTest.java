package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class TenantRegistryTest {

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();

    @Test
    void replaceSwapsTheSnapshotAndNotifiesListenersInOrder() {
        TenantRegistry registry = TenantRegistry.of(jp);
        TenantSnapshot first = registry.snapshot();
        TenantSnapshot next = TenantSnapshot.of(jp, us);
        List<String> events = new ArrayList<>();
        registry.addListener(new TenantRegistryListener() {
            @Override
            public void beforeChange(TenantSnapshot current, TenantSnapshot candidate) {
                events.add("before " + current + " -> " + candidate + " while current is " + registry.snapshot());
            }

            @Override
            public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
                events.add("after " + previous + " -> " + current + " while current is " + registry.snapshot());
            }
        });

        registry.replace(next);

        assertThat(registry.snapshot()).isSameAs(next);
        assertThat(events).containsExactly(
                "before " + first + " -> " + next + " while current is " + first,
                "after " + first + " -> " + next + " while current is " + next);
        assertThat(registry.find(TenantId.of("us"))).isPresent();
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void listenerVetoKeepsTheCurrentSnapshot() {
        TenantRegistry registry = TenantRegistry.of(jp);
        TenantSnapshot before = registry.snapshot();
        List<String> after = new ArrayList<>();
        registry.addListener((previous, current) -> after.add("first"));
        registry.addListener(new TenantRegistryListener() {
            @Override
            public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
                throw new IllegalStateException("extension point FeePolicy does not resolve for tenant 'us'");
            }

            @Override
            public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
                after.add("second");
            }
        });

        assertThatIllegalStateException().isThrownBy(() -> registry.replace(TenantSnapshot.of(jp, us)))
                .withMessageContaining("FeePolicy");
        assertThat(registry.snapshot()).isSameAs(before);
        assertThat(after).isEmpty();
    }

    @Test
    void failingAfterChangeListenerDoesNotStopTheOthers() {
        TenantRegistry registry = TenantRegistry.of(jp);
        List<String> heard = new ArrayList<>();
        registry.addListener((previous, current) -> {
            throw new IllegalStateException("boom");
        });
        registry.addListener((previous, current) -> heard.add("second"));

        assertThatIllegalStateException().isThrownBy(() -> registry.replace(TenantSnapshot.of(jp, us)))
                .withMessage("boom");
        assertThat(heard).containsExactly("second");
        assertThat(registry.snapshot().size()).isEqualTo(2);
    }

    @Test
    void updateAppliesTheChangeToTheCurrentSnapshot() {
        TenantRegistry registry = TenantRegistry.of(jp);

        TenantSnapshot result = registry.update(s -> s.with(us));

        assertThat(result).isSameAs(registry.snapshot());
        assertThat(registry.active()).containsExactly(jp, us);
    }

    @Test
    void withSnapshotHoldsChangesOffUntilItReturns() throws Exception {
        TenantRegistry registry = TenantRegistry.of(jp);
        ExecutorService changer = Executors.newSingleThreadExecutor();
        try {
            List<String> seen = registry.withSnapshot(snapshot -> {
                AtomicReference<Thread> thread = new AtomicReference<>();
                Future<?> change = changer.submit(() -> {
                    thread.set(Thread.currentThread());
                    registry.replace(TenantSnapshot.of(jp, us));
                });
                while (!change.isDone() && (thread.get() == null || thread.get().getState() != Thread.State.BLOCKED)) {
                    Thread.onSpinWait();
                }
                return List.of(String.valueOf(change.isDone()), String.valueOf(registry.snapshot() == snapshot));
            });

            assertThat(seen).as("change done, snapshot unchanged while the action ran").containsExactly("false", "true");
            changer.shutdown();
            assertThat(changer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(registry.all()).containsExactly(jp, us);
        } finally {
            changer.shutdownNow();
        }
    }

    @Test
    void withSnapshotIsRefusedWhileListenersPrepareAChange() {
        TenantRegistry registry = TenantRegistry.of(jp);
        TenantSnapshot before = registry.snapshot();
        registry.addListener(new TenantRegistryListener() {
            @Override
            public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
                registry.withSnapshot(TenantSnapshot::size);
            }

            @Override
            public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
            }
        });

        assertThatIllegalStateException().isThrownBy(() -> registry.replace(TenantSnapshot.of(us)))
                .withMessage("withSnapshot was called from a TenantRegistryListener's beforeChange, while the snapshot "
                        + "is about to change to TenantSnapshot[us]; what it derived from the current snapshot would "
                        + "be stale at once. Do this work in afterChange, or outside the listener.");
        assertThat(registry.snapshot()).isSameAs(before);
        assertThat(registry.withSnapshot(TenantSnapshot::size)).as("usable again after the vetoed change").isEqualTo(1);
    }

    @Test
    void removedListenerHearsNothing() {
        TenantRegistry registry = TenantRegistry.of(jp);
        List<String> heard = new ArrayList<>();
        TenantRegistryListener listener = (previous, current) -> heard.add("changed");
        registry.addListener(listener);
        registry.removeListener(listener);

        registry.replace(TenantSnapshot.of(us));

        assertThat(heard).isEmpty();
        assertThatExceptionOfType(UnknownTenantException.class).isThrownBy(() -> registry.require(TenantId.of("jp")));
    }
}
