package io.tenantkit.spring.observability;

import java.util.Objects;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Adds the low-cardinality key {@value TenantTagValues#KEY} to HTTP server request observations (and so
 * the {@code tenant} tag to {@code http.server.requests}): the id of the tenant the request was served
 * under, when the registry knows it; otherwise the tenant id the request asked for in the tenant header,
 * when the registry knows it; {@value TenantTagValues#UNKNOWN} for anything the registry does not know;
 * {@value TenantTagValues#NONE} when the request neither had nor named a tenant. Every request gets the
 * key, so all {@code http.server.requests} meters have the same tag keys.
 */
public final class TenantObservationFilter implements ObservationFilter {

    private final TenantTagValues values;
    private final String headerName;

    /**
     * A filter bounded by {@code values}.
     *
     * @param values the cardinality guard
     * @param headerName the request header naming the tenant, read for requests served without one
     */
    public TenantObservationFilter(TenantTagValues values, String headerName) {
        this.values = Objects.requireNonNull(values, "values");
        this.headerName = Objects.requireNonNull(headerName, "headerName");
    }

    @Override
    public Observation.Context map(Observation.Context context) {
        if (context instanceof ServerRequestObservationContext server
                && context.getLowCardinalityKeyValue(TenantTagValues.KEY) == null) {
            context.addLowCardinalityKeyValue(KeyValue.of(TenantTagValues.KEY, valueFor(server.getCarrier())));
        }
        return context;
    }

    private String valueFor(HttpServletRequest request) {
        Tenant tenant = request.getAttribute(TenantObservationRecorder.TENANT_ATTRIBUTE) instanceof Tenant t
                ? t : TenantContext.currentOrNull();
        if (tenant != null) {
            return values.of(tenant);
        }
        return values.ofRequested(request.getHeader(headerName));
    }
}
