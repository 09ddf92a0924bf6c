package io.tenantkit.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tenantkit.context.TenantContext;

import org.slf4j.MDC;

/** Test helper: asks every thread of a raw (unwrapped) pool what tenant and MDC value it holds. */
final class PoolProbe {

    private PoolProbe() {
    }

    /**
     * Runs one unwrapped probe on each of the {@code threads} threads of {@code rawPool} at the same
     * time (a barrier keeps each probe on its own thread) and asserts that none holds a tenant or a
     * {@code tenant} MDC value.
     */
    static void assertNoThreadHoldsATenant(ExecutorService rawPool, int threads) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(threads);
        List<Future<String>> probes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            probes.add(rawPool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return Thread.currentThread().getName() + ": tenant=" + TenantContext.currentOrNull()
                        + " mdc=" + MDC.get(TenantContext.MDC_KEY);
            }));
        }
        for (Future<String> probe : probes) {
            assertThat(probe.get(20, TimeUnit.SECONDS)).endsWith(": tenant=null mdc=null");
        }
    }
}
