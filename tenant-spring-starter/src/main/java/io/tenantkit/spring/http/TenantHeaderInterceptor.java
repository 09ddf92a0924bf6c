package io.tenantkit.spring.http;

import java.io.IOException;
import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Writes the current tenant's id as a request header on calls made with {@code RestClient} or
 * {@code RestTemplate}. The header always says what this service decided: the current tenant,
 * replacing any value the caller set (such as a client's header copied from the incoming request); with
 * no current tenant, or for a call to a URL outside the allowed base URLs, the header is removed.
 *
 * <pre>{@code
 * RestClient client = RestClient.builder()
 *         .requestInterceptor(new TenantHeaderInterceptor("X-Tenant-Id", List.of("https://billing.internal")))
 *         .build();
 * }</pre>
 */
public final class TenantHeaderInterceptor implements ClientHttpRequestInterceptor {

    private final String headerName;
    private final HeaderRecipients recipients;

    /**
     * An interceptor writing the tenant id into {@code headerName} on every call.
     *
     * @param headerName the request header, such as {@code X-Tenant-Id}
     */
    public TenantHeaderInterceptor(String headerName) {
        this(headerName, List.of());
    }

    /**
     * An interceptor writing the tenant id into {@code headerName} on calls to {@code allowedBaseUrls}
     * only ({@code https://billing.internal/api}: same scheme, host and port, path at or below); empty:
     * every call.
     *
     * @param headerName the request header, such as {@code X-Tenant-Id}
     * @param allowedBaseUrls absolute http or https base URLs
     * @throws IllegalArgumentException naming a bad header name or URL
     */
    public TenantHeaderInterceptor(String headerName, List<String> allowedBaseUrls) {
        this.headerName = HttpTokens.require(headerName, "tenant header name");
        this.recipients = HeaderRecipients.of(allowedBaseUrls);
    }

    /** The header this interceptor writes. */
    public String headerName() {
        return headerName;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        Tenant tenant = recipients.includes(request.getURI()) ? TenantContext.currentOrNull() : null;
        HttpHeaders headers = request.getHeaders();
        if (tenant != null) {
            headers.set(headerName, tenant.id().value());
        } else {
            headers.remove(headerName);
        }
        return execution.execute(request, body);
    }
}
