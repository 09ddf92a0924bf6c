package io.tenantkit.propagation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tenantkit.tenant.TenantId;

/**
 * What one fan-out did: the tenants whose run succeeded and, per tenant, the failure of those whose run
 * threw (in the order the tenants were run).
 *
 * @param job the name of the job, as given to {@link TenantFanOut}
 * @param succeeded the tenants whose run returned normally
 * @param failures the tenants whose run threw, with what they threw
 */
public record FanOutResult(String job, List<TenantId> succeeded, Map<TenantId, Throwable> failures) {

    /** Copies the collections; the result is immutable. */
    public FanOutResult {
        Objects.requireNonNull(job, "job");
        succeeded = List.copyOf(succeeded);
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** Whether every tenant's run succeeded. */
    public boolean isSuccess() {
        return failures.isEmpty();
    }

    /**
     * Returns normally when every run succeeded.
     *
     * @throws TenantFanOutException naming the job and the tenants that failed
     */
    public void throwIfFailed() {
        if (!failures.isEmpty()) {
            throw new TenantFanOutException(this);
        }
    }
}
