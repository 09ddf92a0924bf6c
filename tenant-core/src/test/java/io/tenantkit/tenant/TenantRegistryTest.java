package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;

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
    void listenersThatPreparedHearThatALaterListenerVetoedTheChange() {
        TenantRegistry registry = TenantRegistry.of(jp);
        TenantSnapshot before = registry.snapshot();
        TenantSnapshot rejected = TenantSnapshot.of(us);
        List<String> heard = new ArrayList<>();
        registry.addListener(new TenantRegistryListener() {
            @Override
            public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
                heard.add("prepared " + next);
            }

            @Override
            public void changeRejected(TenantSnapshot current, TenantSnapshot next) {
                heard.add("rejected " + next + ", still " + current);
            }

            @Override
            public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
                heard.add("changed");
            }
        });
        registry.addListener((TenantRegistryListener) (previous, current) -> heard.add("second changed"));
        registry.addListener(new TenantRegistryListener() {
            @Override
            public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
                throw new IllegalStateException("no us today");
            }

            @Override
            public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
                heard.add("third changed");
            }
        });

        assertThatIllegalStateException().isThrownBy(() -> registry.replace(rejected)).withMessage("no us today");
        assertThat(registry.snapshot()).isSameAs(before);
        assertThat(heard).containsExactly("prepared TenantSnapshot[us]", "rejected TenantSnapshot[us], still TenantSnapshot[jp]");
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
