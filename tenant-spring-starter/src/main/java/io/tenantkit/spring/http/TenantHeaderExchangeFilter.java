package io.tenantkit.spring.http;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantThreadLocalAccessor;
import io.tenantkit.tenant.Tenant;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Adds the current tenant's id as a request header to calls made with {@code WebClient}. The tenant is
 * read when the request is subscribed: from the Reactor context (key
 * {@value TenantThreadLocalAccessor#KEY}, as written by {@code contextCapture()}) if present there,
 * otherwise from the subscribing thread. With no tenant the request goes out unchanged; a header the
 * caller set explicitly is kept.
 */
public final class TenantHeaderExchangeFilter implements ExchangeFilterFunction {

    private final String headerName;

    /**
     * A filter writing the tenant id into {@code headerName}.
     *
     * @param headerName the request header, such as {@code X-Tenant-Id}
     */
    public TenantHeaderExchangeFilter(String headerName) {
        this.headerName = TenantHeaders.requireHeaderName(headerName);
    }

    /** The header this filter writes. */
    public String headerName() {
        return headerName;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (request.headers().containsHeader(headerName)) {
            return next.exchange(request);
        }
        return Mono.deferContextual(context -> {
            Object fromContext = context.getOrDefault(TenantThreadLocalAccessor.KEY, null);
            Tenant tenant = fromContext instanceof Tenant t ? t : TenantContext.currentOrNull();
            if (tenant == null) {
                return next.exchange(request);
            }
            return next.exchange(ClientRequest.from(request).header(headerName, tenant.id().value()).build());
        });
    }
}
