package io.tenantkit.spring.http;

import java.io.IOException;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the current tenant's id as a request header to calls made with {@code RestClient} or
 * {@code RestTemplate}. With no current tenant the request goes out unchanged (no header, no error);
 * a header the caller set explicitly is kept as it is.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder()
 *         .requestInterceptor(new TenantHeaderInterceptor("X-Tenant-Id"))
 *         .build();
 * }</pre>
 */
public final class TenantHeaderInterceptor implements ClientHttpRequestInterceptor {

    private final String headerName;

    /**
     * An interceptor writing the tenant id into {@code headerName}.
     *
     * @param headerName the request header, such as {@code X-Tenant-Id}
     */
    public TenantHeaderInterceptor(String headerName) {
        this.headerName = TenantHeaders.requireHeaderName(headerName);
    }

    /** The header this interceptor writes. */
    public String headerName() {
        return headerName;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant != null && !request.getHeaders().containsHeader(headerName)) {
            request.getHeaders().set(headerName, tenant.id().value());
        }
        return execution.execute(request, body);
    }
}
