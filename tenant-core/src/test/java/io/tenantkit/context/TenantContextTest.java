package io.tenantkit.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TenantContextTest {

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();
    final Tenant de = Tenant.builder("de").build();

    @AfterEach
    void threadIsClean() {
        assertThat(TenantContext.currentOrNull()).isNull();
        MDC.clear();
    }

    @Test
    void requireFailsClosedWhenNoTenantIsSet() {
        assertThat(TenantContext.current()).isEmpty();
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(TenantContext::require)
                .withMessageStartingWith("No tenant is set on thread '" + Thread.currentThread().getName()
                        + "', but this code needs one.")
                .withMessageContaining("TenantContext.enter/runAs/callAs")
                .withMessageEndingWith("TenantKit never falls back to a default tenant.");
    }

    @Test
    void enterSetsTenantAndMdcAndCloseRestoresBoth() {
        try (TenantScope scope = TenantContext.enter(jp)) {
            assertThat(scope.tenant()).isSameAs(jp);
            assertThat(TenantContext.require()).isSameAs(jp);
            assertThat(MDC.get(TenantContext.MDC_KEY)).isEqualTo("jp");
        }
        assertThat(TenantContext.current()).isEmpty();
        assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
    }

    @Test
    void nestedScopesRestoreTheOuterTenant() {
        try (TenantScope outer = TenantContext.enter(jp)) {
            try (TenantScope inner = TenantContext.enter(us)) {
                assertThat(TenantContext.require()).isSameAs(us);
                assertThat(MDC.get("tenant")).isEqualTo("us");
                try (TenantScope innermost = TenantContext.enter(de)) {
                    assertThat(MDC.get("tenant")).isEqualTo("de");
                }
                assertThat(TenantContext.require()).isSameAs(us);
            }
            assertThat(TenantContext.require()).isSameAs(jp);
            assertThat(MDC.get("tenant")).isEqualTo("jp");
        }
    }

    @Test
    void mdcValueSetBeforeTheFirstScopeIsPutBack() {
        MDC.put("tenant", "set-by-someone-else");
        try (TenantScope scope = TenantContext.enter(jp)) {
            assertThat(MDC.get("tenant")).isEqualTo("jp");
        }
        assertThat(MDC.get("tenant")).isEqualTo("set-by-someone-else");
    }

    @Test
    void closingTwiceIsHarmless() {
        try (TenantScope outer = TenantContext.enter(jp)) {
            TenantScope inner = TenantContext.enter(us);
            inner.close();
            inner.close();
            assertThat(TenantContext.require()).isSameAs(jp);
        }
    }

    @Test
    void closingAnOuterScopeFirstClosesTheInnerOnesRestoresAndReports() {
        TenantScope outer = TenantContext.enter(jp);
        TenantScope middle = TenantContext.enter(us);
        TenantScope inner = TenantContext.enter(de);

        assertThatIllegalStateException().isThrownBy(outer::close)
                .withMessage("Tenant scope for 'jp' was closed while inner scopes were still open ('de', 'us'); "
                        + "they were closed too and the tenant from before 'jp' is restored. "
                        + "Close scopes innermost first: use try-with-resources.");
        assertThat(TenantContext.current()).isEmpty();
        assertThat(MDC.get("tenant")).isNull();

        inner.close();
        middle.close();
        assertThat(TenantContext.current()).isEmpty();
        assertThat(inner).hasToString("TenantScope['de', closed]");
    }

    @Test
    void closingOnAnotherThreadIsReportedAndChangesNothingThere() {
        TenantScope scope = TenantContext.enter(jp);
        try {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CompletableFuture.runAsync(() -> {
                try {
                    scope.close();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, r -> new Thread(r, "other-thread").start()).join();

            assertThat(failure.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Tenant scope for 'jp' is not open on thread 'other-thread'. Close a scope on the thread "
                            + "that entered it; to hand a tenant to another thread, use TenantExecutors or "
                            + "TenantContext.runAs there.");
            assertThat(TenantContext.require()).isSameAs(jp);
        } finally {
            scope.close();
        }
    }

    @Test
    void runAsRestoresEvenWhenTheActionThrows() {
        try (TenantScope outer = TenantContext.enter(jp)) {
            assertThatIllegalStateException().isThrownBy(() -> TenantContext.runAs(us, () -> {
                assertThat(TenantContext.require()).isSameAs(us);
                throw new IllegalStateException("payment provider down");
            }));
            assertThat(TenantContext.require()).isSameAs(jp);
            assertThat(MDC.get("tenant")).isEqualTo("jp");
        }
    }

    @Test
    void callAsAndSupplyAsReturnTheResultUnderTheTenant() throws Exception {
        assertThat(TenantContext.callAs(jp, () -> TenantContext.require().id().value())).isEqualTo("jp");
        assertThat(TenantContext.supplyAs(us, () -> MDC.get("tenant"))).isEqualTo("us");
        assertThat(TenantContext.current()).isEmpty();
    }

    @Test
    void aThreadStartedInsideAScopeDoesNotInheritTheTenant() throws Exception {
        AtomicReference<Object> seen = new AtomicReference<>("not run");
        try (TenantScope scope = TenantContext.enter(jp)) {
            Thread thread = new Thread(() -> seen.set(TenantContext.currentOrNull()));
            thread.start();
            thread.join();
        }
        assertThat(seen.get()).isNull();
    }

    @Test
    void missingNamesWhatNeedsTheTenant() {
        assertThat(TenantContext.missing("extension point FeePolicy").getMessage())
                .contains("but extension point FeePolicy needs one.");
    }
}
