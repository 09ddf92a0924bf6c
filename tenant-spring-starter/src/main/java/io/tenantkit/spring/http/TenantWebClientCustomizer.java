package io.tenantkit.spring.http;

import java.util.Objects;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.WebClient;

/** Adds the {@link TenantHeaderExchangeFilter} to every {@code WebClient.Builder} Spring Boot hands out. */
public final class TenantWebClientCustomizer implements WebClientCustomizer {

    private final TenantHeaderExchangeFilter filter;

    /** A customizer adding {@code filter}. */
    public TenantWebClientCustomizer(TenantHeaderExchangeFilter filter) {
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    @Override
    public void customize(WebClient.Builder builder) {
        builder.filter(filter);
    }
}
