package io.tenantkit.spring.test;

import java.util.function.Consumer;

import io.tenantkit.tenant.TenantId;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.RestClient;

/**
 * Names a tenant on test requests with the {@code X-Tenant-Id} header, or with the header given to the
 * two-argument forms (the app's {@code tenantkit.web.header.name}, if it renamed it). The id is
 * validated, so a typo fails the test where it is written; send hostile values with the plain header
 * methods of MockMvc or RestClient.
 *
 * <pre>{@code
 * mockMvc.perform(get("/api/site").with(TenantTestRequests.tenant("jp")));
 * RestClient client = RestClient.builder().baseUrl(url).apply(TenantTestRequests.restClient("jp")).build();
 * restClient.get().uri("/api/site").headers(TenantTestRequests.headers("X-Site", "de")).retrieve();
 * }</pre>
 */
public final class TenantTestRequests {

    /** The default tenant request header. */
    public static final String DEFAULT_HEADER = "X-Tenant-Id";

    private TenantTestRequests() {
    }

    /** A MockMvc post-processor sending {@code tenantId} in {@value #DEFAULT_HEADER}. */
    public static RequestPostProcessor tenant(String tenantId) {
        return tenant(DEFAULT_HEADER, tenantId);
    }

    /** A MockMvc post-processor sending {@code tenantId} in {@code headerName}. */
    public static RequestPostProcessor tenant(String headerName, String tenantId) {
        String id = TenantId.of(tenantId).value();
        return request -> {
            request.addHeader(headerName, id);
            return request;
        };
    }

    /** Headers for one RestClient request: {@code tenantId} in {@value #DEFAULT_HEADER}. */
    public static Consumer<HttpHeaders> headers(String tenantId) {
        return headers(DEFAULT_HEADER, tenantId);
    }

    /** Headers for one RestClient request: {@code tenantId} in {@code headerName}. */
    public static Consumer<HttpHeaders> headers(String headerName, String tenantId) {
        String id = TenantId.of(tenantId).value();
        return headers -> headers.set(headerName, id);
    }

    /** A RestClient builder customizer sending {@code tenantId} in {@value #DEFAULT_HEADER} on every request. */
    public static Consumer<RestClient.Builder> restClient(String tenantId) {
        return restClient(DEFAULT_HEADER, tenantId);
    }

    /** A RestClient builder customizer sending {@code tenantId} in {@code headerName} on every request. */
    public static Consumer<RestClient.Builder> restClient(String headerName, String tenantId) {
        String id = TenantId.of(tenantId).value();
        return builder -> builder.defaultHeader(headerName, id);
    }
}
