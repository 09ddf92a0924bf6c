package io.tenantkit.spring.observability;

import java.util.Objects;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.tenantkit.context.TenantContext;
import io.tenantkit.spring.web.TenantProblem;
import io.tenantkit.spring.web.TenantWebFilter;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantTagValues;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Adds the low-cardinality key {@value TenantTagValues#KEY} to HTTP server request observations (and so
 * the {@code tenant} tag to {@code http.server.requests}). The value comes only from what the server
 * decided, never from raw request text: the id of the tenant the request was served under; else the id
 * the {@link TenantWebFilter} validated for a request it then refused (a suspended tenant); with either,
 * {@value TenantTagValues#UNKNOWN} for an id the registry does not know. A request the web filter
 * refused for a malformed id or a mismatch is {@value TenantTagValues#UNKNOWN}; every other request
 * served without a tenant is {@value TenantTagValues#NONE}, whatever headers it sent (excluded paths,
 * untrusted callers). Every request gets the key, so all {@code http.server.requests} meters have the
 * same tag keys.
 */
public final class TenantObservationFilter implements ObservationFilter {

    private final TenantTagValues values;

    /**
     * A filter bounded by {@code values}.
     *
     * @param values the cardinality guard
     */
    public TenantObservationFilter(TenantTagValues values) {
        this.values = Objects.requireNonNull(values, "values");
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
        if (request.getAttribute(TenantWebFilter.TENANT_ID_ATTRIBUTE) instanceof TenantId requested) {
            return values.ofRequested(requested);
        }
        return request.getAttribute(TenantWebFilter.PROBLEM_ATTRIBUTE) instanceof TenantProblem problem
                && problem != TenantProblem.MISSING_TENANT ? TenantTagValues.UNKNOWN : TenantTagValues.NONE;
    }
}
