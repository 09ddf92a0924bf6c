package io.tenantkit.propagation;

import java.util.Map;

import io.tenantkit.tenant.TenantId;

/**
 * Thrown after a fan-out in which the run of one or more tenants failed. Each failure has already been
 * logged with its tenant when it happened; this exception says which tenants failed and keeps their
 * exceptions in {@link #failures()}, without repeating their stack traces.
 */
public final class TenantFanOutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient FanOutResult result;

    TenantFanOutException(FanOutResult result) {
        super("Job '" + result.job() + "' failed for " + result.failures().size() + " of "
                + (result.failures().size() + result.succeeded().size()) + " tenants: " + result.failures().keySet()
                + " (each failure was logged at ERROR with its tenant; the other tenants ran normally)");
        this.result = result;
    }

    /** The failures, per tenant, in run order. */
    public Map<TenantId, Throwable> failures() {
        return result.failures();
    }

    /** The whole result of the fan-out. */
    public FanOutResult result() {
        return result;
    }
}
