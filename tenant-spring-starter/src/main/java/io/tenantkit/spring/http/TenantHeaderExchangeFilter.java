package io.tenantkit.spring.http;

import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantThreadLocalAccessor;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Writes the current tenant's id as a request header on calls made with {@code WebClient}. The tenant is
 * read when the request is subscribed: from the Reactor context (key
 * {@value TenantThreadLocalAccessor#KEY}, as written by {@code contextCapture()}) if present there,
 * otherwise from the subscribing thread. The header always says what this service decided: the current
 * tenant, replacing any value the caller set; with no tenant, or for a call to a URL outside the allowed
 * base URLs, the header is removed.
 */
public final class TenantHeaderExchangeFilter implements ExchangeFilterFunction {

    private final String headerName;
    private final HeaderRecipients recipients;

    /**
     * A filter writing the tenant id into {@code headerName} on every call.
     *
     * @param headerName the request header, such as {@code X-Tenant-Id}
     */
    public TenantHeaderExchangeFilter(String headerName) {
        this(headerName, List.of());
    }

    /**
     * A filter writing the tenant id into {@code headerName} on calls to {@code allowedBaseUrls} only
     * (same scheme, host and port, path at or below); empty: every call.
     *
     * @param headerName the request header, such as {@code X-Tenant-Id}
     * @param allowedBaseUrls absolute http or https base URLs
     * @throws IllegalArgumentException naming a bad header name or URL
     */
    public TenantHeaderExchangeFilter(String headerName, List<String> allowedBaseUrls) {
        this.headerName = HttpTokens.require(headerName, "tenant header name");
        this.recipients = HeaderRecipients.of(allowedBaseUrls);
    }

    /** The header this filter writes. */
    public String headerName() {
        return headerName;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (!recipients.includes(request.url())) {
            return next.exchange(withTenant(request, null));
        }
        return Mono.deferContextual(context -> {
            Object fromContext = context.getOrDefault(TenantThreadLocalAccessor.KEY, null);
            Tenant tenant = fromContext instanceof Tenant t ? t : TenantContext.currentOrNull();
            return next.exchange(withTenant(request, tenant));
        });
    }

    private ClientRequest withTenant(ClientRequest request, @Nullable Tenant tenant) {
        if (tenant == null) {
            return request.headers().containsHeader(headerName)
                    ? ClientRequest.from(request).headers(h -> h.remove(headerName)).build() : request;
        }
        return ClientRequest.from(request).headers(h -> h.set(headerName, tenant.id().value())).build();
    }
}
