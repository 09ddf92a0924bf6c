package io.tenantkit.spring.http;

import java.util.Objects;

import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.web.client.RestTemplate;

/** Adds the {@link TenantHeaderInterceptor} to every {@code RestTemplate} built by Spring Boot's builder. */
public final class TenantRestTemplateCustomizer implements RestTemplateCustomizer {

    private final TenantHeaderInterceptor interceptor;

    /** A customizer adding {@code interceptor}. */
    public TenantRestTemplateCustomizer(TenantHeaderInterceptor interceptor) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    }

    @Override
    public void customize(RestTemplate restTemplate) {
        if (!restTemplate.getInterceptors().contains(interceptor)) {
            restTemplate.getInterceptors().add(interceptor);
        }
    }
}
