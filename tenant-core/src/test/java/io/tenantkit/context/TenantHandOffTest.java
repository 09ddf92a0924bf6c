package io.tenantkit.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.TransmittableThreadLocal.Transmitter;
import com.alibaba.ttl.TransmittableThreadLocal.Transmitter.Transmittee;

@SuppressWarnings("try") // scopes entered in try-with-resources are closed, not read
class TenantHandOffTest {

    static final TransmittableThreadLocal<String> TRACE = new TransmittableThreadLocal<>();
    static final ThreadLocal<String> REGISTERED = new ThreadLocal<>();

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();

    @AfterEach
    void threadIsClean() {
        TRACE.remove();
        REGISTERED.remove();
        assertThat(TenantContext.currentOrNull()).isNull();
        assertThat(MDC.get(TenantContext.MDC_KEY)).isNull();
    }

    static String seen() {
        Tenant tenant = TenantContext.currentOrNull();
        return (tenant == null ? "none" : tenant.id().value()) + "/" + MDC.get("tenant") + "/" + TRACE.get();
    }

    @Test
    void ttlStateIsReadableWithTheTtlVersionOnTheClassPath() {
        // If a TTL upgrade renames the fields TtlValues reads, every hand-off silently takes TTL's full
        // capture: this test says so instead.
        assertThat(TtlValues.READABLE).isTrue();
        assertThat(TtlValues.onlyTheTenant()).isTrue();
    }

    @Test
    void whenTheTenantIsAllThereIsToCarryACaptureIsTheScopesOwnAndAllocatesNothing() {
        try (TenantScope scope = TenantContext.enter(jp)) {
            TenantHandOff first = TenantHandOff.capture();
            assertThat(first).isInstanceOf(TenantOnly.class).isSameAs(TenantHandOff.capture());
            assertThat(first).hasToString("TenantHandOff[jp]");
        }
        assertThat(TenantHandOff.capture()).isSameAs(TenantOnly.NONE);
    }

    @Test
    void enteringAHandOffOnTheSameThreadNestsAndRestoresExactly() {
        TenantHandOff asJp = TenantContext.supplyAs(jp, TenantHandOff::capture);
        try (TenantScope outer = TenantContext.enter(us)) {
            try (TenantHandOff.Scope handedOff = asJp.enter()) {
                assertThat(seen()).isEqualTo("jp/jp/null");
                try (TenantHandOff.Scope none = TenantOnly.NONE.enter()) {
                    assertThat(seen()).isEqualTo("none/null/null");
                }
                assertThat(seen()).isEqualTo("jp/jp/null");
            }
            assertThat(seen()).isEqualTo("us/us/null");
        }
    }

    @Test
    void aHandOffOfTheCurrentTenantOnTheSameThreadKeepsItsMdcValueThroughout() {
        try (TenantScope scope = TenantContext.enter(jp)) {
            TenantHandOff handOff = TenantHandOff.capture();
            try (TenantHandOff.Scope handedOff = handOff.enter()) {
                assertThat(seen()).isEqualTo("jp/jp/null");
                TenantContext.runAs(us, () -> assertThat(seen()).isEqualTo("us/us/null"));
                assertThat(seen()).isEqualTo("jp/jp/null");
            }
            assertThat(seen()).isEqualTo("jp/jp/null");
        }
    }

    @Test
    void aScopeTheTaskLeftOpenEndsWithTheHandOffWithoutAnError() {
        TenantHandOff asJp = TenantContext.supplyAs(jp, TenantHandOff::capture);
        TenantScope leaked;
        TenantHandOff.Scope handedOff = asJp.enter();
        leaked = TenantContext.enter(us);
        handedOff.close();
        handedOff.close();

        assertThat(seen()).isEqualTo("none/null/null");
        leaked.close(); // closed with the hand-off: does nothing
        assertThat(seen()).isEqualTo("none/null/null");
    }

    @Test
    void anotherTransmittableValueOnTheSubmitterTravelsWithTheTenantThroughTtl() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            TenantHandOff handOff;
            TRACE.set("trace-1");
            try (TenantScope scope = TenantContext.enter(jp)) {
                handOff = TenantHandOff.capture();
            }
            TRACE.remove();
            assertThat(handOff).isInstanceOf(TtlCapture.class);

            assertThat(worker.submit(() -> {
                try (TenantHandOff.Scope scope = handOff.enter()) {
                    return seen();
                }
            }).get()).isEqualTo("jp/jp/trace-1");
            assertThat(worker.submit(TenantHandOffTest::seen).get()).isEqualTo("none/null/null");
        } finally {
            stop(worker);
        }
    }

    @Test
    void aWorkerHoldingATransmittableValueTheSubmitterHadNotRunsTheTaskWithoutIt() throws Exception {
        // A thread created while a TTL value is set inherits it (TTL is an InheritableThreadLocal).
        TRACE.set("inherited");
        ThreadPoolExecutor worker = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
        worker.prestartAllCoreThreads();
        TRACE.remove();
        try {
            assertThat(worker.submit(TenantHandOffTest::seen).get()).isEqualTo("none/null/inherited");
            TenantHandOff handOff = TenantContext.supplyAs(jp, TenantHandOff::capture);
            assertThat(handOff).isInstanceOf(TenantOnly.class);

            assertThat(worker.submit(() -> {
                try (TenantHandOff.Scope scope = handOff.enter()) {
                    return seen();
                }
            }).get()).as("cleared for the task, as TTL's replay does").isEqualTo("jp/jp/null");
            assertThat(worker.submit(TenantHandOffTest::seen).get()).as("and put back after it")
                    .isEqualTo("none/null/inherited");
        } finally {
            stop(worker);
        }
    }

    @Test
    void aThreadLocalRegisteredWithTtlTravelsWithTheTenant() throws Exception {
        Transmitter.registerThreadLocalWithShadowCopier(REGISTERED);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            REGISTERED.set("registered-1");
            TenantHandOff handOff = TenantContext.supplyAs(us, TenantHandOff::capture);
            assertThat(handOff).isInstanceOf(TtlCapture.class);

            assertThat(worker.submit(() -> {
                try (TenantHandOff.Scope scope = handOff.enter()) {
                    return seen() + "/" + REGISTERED.get();
                }
            }).get()).isEqualTo("us/us/null/registered-1");
        } finally {
            Transmitter.unregisterThreadLocal(REGISTERED);
            stop(worker);
        }
        assertThat(TenantHandOff.capture()).isSameAs(TenantOnly.NONE);
    }

    @Test
    void anotherLibrarysTransmitteeIsCapturedToo() {
        StringBuilder replayed = new StringBuilder();
        Transmittee<String, String> other = new Transmittee<>() {
            @Override
            public String capture() {
                return "captured";
            }

            @Override
            public String replay(String captured) {
                replayed.append(captured);
                return "backup";
            }

            @Override
            public String clear() {
                return "backup";
            }

            @Override
            public void restore(String backup) {
                replayed.append(" then ").append(backup);
            }
        };
        Transmitter.registerTransmittee(other);
        try {
            TenantHandOff handOff = TenantContext.supplyAs(jp, TenantHandOff::capture);
            assertThat(handOff).isInstanceOf(TtlCapture.class);
            try (TenantHandOff.Scope scope = handOff.enter()) {
                assertThat(seen()).isEqualTo("jp/jp/null");
            }
            assertThat(replayed).hasToString("captured then backup");
        } finally {
            Transmitter.unregisterTransmittee(other);
        }
        assertThat(TtlValues.onlyTheTenant()).isTrue();
    }

    private static void stop(ExecutorService worker) throws InterruptedException {
        worker.shutdown();
        assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
}
