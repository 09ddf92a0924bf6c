package io.tenantkit.spring.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.spring.scheduling.PerTenant;
import io.tenantkit.tenant.Tenant;

import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs recording what they see; the scheduler has one thread (see the test properties). The
 * bean is a proxy (for {@code @PerTenant}), so its state is reached through methods.
 */
@Component
public class ScheduledProbes {

    private final Set<String> perTenantRuns = ConcurrentHashMap.newKeySet();
    private final List<String> plainRuns = new CopyOnWriteArrayList<>();
    private volatile String failFor = "";

    /** "tenant|mdcTenant|thread" for each per-tenant run. */
    public Set<String> perTenantRuns() {
        return perTenantRuns;
    }

    /** "tenant|mdcTenant|thread" seen by a plain scheduled job on the same scheduler thread. */
    public List<String> plainRuns() {
        return plainRuns;
    }

    /** Makes the run of {@code tenant} throw ("" for none). */
    public void failFor(String tenant) {
        failFor = tenant;
    }

    @Scheduled(fixedDelay = 50)
    @PerTenant
    public void everyTenant() {
        Tenant tenant = TenantContext.require();
        perTenantRuns.add(tenant.id().value() + "|" + MDC.get(TenantContext.MDC_KEY) + "|"
                + Thread.currentThread().getName());
        if (tenant.id().value().equals(failFor)) {
            throw new IllegalStateException("ledger unavailable for " + tenant.id());
        }
    }

    @Scheduled(fixedDelay = 50)
    public void plain() {
        Tenant tenant = TenantContext.currentOrNull();
        if (plainRuns.size() < 1000) {
            plainRuns.add((tenant == null ? "none" : tenant.id().value()) + "|" + MDC.get(TenantContext.MDC_KEY)
                    + "|" + Thread.currentThread().getName());
        }
    }
}
