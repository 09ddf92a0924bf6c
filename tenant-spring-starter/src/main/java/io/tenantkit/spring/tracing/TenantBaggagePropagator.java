package io.tenantkit.spring.tracing;

import java.util.List;
import java.util.Objects;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.BaggageManager;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

/**
 * A {@link Propagator} that writes the current tenant into the baggage field {@code field} of every trace
 * context it sends on (an outgoing HTTP call, a Kafka record: whatever the tracing handlers propagate)
 * before the delegate injects it, so that {@code baggage: tenant=jp} travels beside the tenant header when
 * the field is listed in {@code management.tracing.baggage.remote-fields}. Outside a tenant scope it adds
 * nothing. Extracting is the delegate's alone: baggage is a copy for traces and logs, never read back to
 * choose a tenant, since every hop writes it and none checks it.
 */
public final class TenantBaggagePropagator implements Propagator {

    private final Propagator delegate;
    private final BaggageManager baggage;
    private final String field;

    /**
     * A propagator adding the tenant to what {@code delegate} injects.
     *
     * @param delegate the propagator of the tracing library
     * @param baggage the tracer's baggage manager
     * @param field the baggage field, such as {@code tenant}
     * @throws IllegalArgumentException if the field is blank
     */
    public TenantBaggagePropagator(Propagator delegate, BaggageManager baggage, String field) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.baggage = Objects.requireNonNull(baggage, "baggage");
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("The tenant baggage field must not be blank; use tenant.");
        }
        this.field = field;
    }

    /** The baggage field this propagator writes. */
    public String field() {
        return field;
    }

    @Override
    public List<String> fields() {
        return delegate.fields();
    }

    @Override
    public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            delegate.inject(context, carrier, setter);
            return;
        }
        try (BaggageInScope ignored = baggage.createBaggageInScope(context, field, tenant.id().value())) {
            delegate.inject(context, carrier, setter);
        }
    }

    @Override
    public <C> Span.Builder extract(C carrier, Getter<C> getter) {
        return delegate.extract(carrier, getter);
    }
}
