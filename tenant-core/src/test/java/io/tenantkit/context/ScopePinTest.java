package io.tenantkit.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes entered in try-with-resources are closed, not read
class ScopePinTest {

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();

    /** Pins "tenant@version", taking the version from the enclosing pin when there is one. */
    static final class Versions extends ScopePin<String> {

        final AtomicInteger latest = new AtomicInteger(1);

        @Override
        protected String pin(@Nullable Tenant tenant, @Nullable String enclosing) {
            String version = enclosing != null ? enclosing.substring(enclosing.indexOf('@') + 1) : Integer.toString(latest.get());
            return (tenant == null ? "none" : tenant.id().value()) + "@" + version;
        }
    }

    final Versions versions = new Versions();

    @AfterEach
    void threadIsClean() {
        assertThat(TenantContext.currentOrNull()).isNull();
    }

    @Test
    void outsideAnyScopeNothingIsPinned() {
        assertThat(versions.get()).isNull();
    }

    @Test
    void aScopeKeepsWhatItPinnedFirstAndTheNextScopePinsTheLatest() {
        try (TenantScope request = TenantContext.enter(jp)) {
            assertThat(versions.get()).isEqualTo("jp@1");
            versions.latest.set(2);
            assertThat(versions.get()).isEqualTo("jp@1");
        }
        assertThat(TenantContext.supplyAs(jp, versions::get)).isEqualTo("jp@2");
    }

    @Test
    void aNestedScopeReadsTheEnclosingPinAndAFirstPinInsideIsSharedWithTheOutermostScope() {
        try (TenantScope request = TenantContext.enter(jp)) {
            try (TenantScope nested = TenantContext.enter(us)) {
                assertThat(versions.get()).isEqualTo("us@1");
            }
            versions.latest.set(2);
            assertThat(versions.get()).isEqualTo("jp@1");
            assertThat(TenantContext.supplyAs(us, versions::get)).isEqualTo("us@1");
        }
    }

    @Test
    void pinsOfDifferentSourcesAreKeptApart() {
        Versions other = new Versions();
        other.latest.set(7);
        try (TenantScope request = TenantContext.enter(jp)) {
            assertThat(versions.get()).isEqualTo("jp@1");
            assertThat(other.get()).isEqualTo("jp@7");
            assertThat(versions.get()).isEqualTo("jp@1");
        }
    }

    @Test
    void aHandOffCarriesThePinsOfItsScopeAndATaskWithoutThemPinsItsOwn() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TenantScope request = TenantContext.enter(jp)) {
            TenantHandOff beforeAnyRead = TenantHandOff.capture();
            assertThat(versions.get()).isEqualTo("jp@1");
            TenantHandOff afterARead = TenantHandOff.capture();
            versions.latest.set(2);
            assertThat(pool.submit(() -> read(afterARead)).get()).isEqualTo("jp@1/jp");
            assertThat(pool.submit(() -> read(beforeAnyRead)).get()).isEqualTo("jp@2/jp");
            assertThat(pool.submit(() -> versions.get()).get()).isNull();
        } finally {
            pool.shutdown();
        }
    }

    private String read(TenantHandOff handOff) {
        try (TenantHandOff.Scope task = handOff.enter()) {
            return versions.get() + "/" + TenantContext.require().id().value();
        }
    }
}
