package io.tenantkit.spring.http;

import java.util.Objects;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/** Adds the {@link TenantHeaderInterceptor} to every {@code RestClient.Builder} Spring Boot hands out. */
public final class TenantRestClientCustomizer implements RestClientCustomizer {

    private final TenantHeaderInterceptor interceptor;

    /** A customizer adding {@code interceptor}. */
    public TenantRestClientCustomizer(TenantHeaderInterceptor interceptor) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    }

    @Override
    public void customize(RestClient.Builder builder) {
        builder.requestInterceptor(interceptor);
    }
}
