package io.tenantkit.spring.autoconfigure;

import java.util.List;
import java.util.function.BiFunction;

import io.tenantkit.spring.http.HttpTokens;
import io.tenantkit.spring.http.TenantHeaderExchangeFilter;
import io.tenantkit.spring.http.TenantHeaderInterceptor;
import io.tenantkit.spring.http.TenantRestClientCustomizer;
import io.tenantkit.spring.http.TenantRestTemplateCustomizer;
import io.tenantkit.spring.http.TenantWebClientCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stamps the current tenant on outgoing HTTP calls: customizers for the {@code RestClient.Builder},
 * {@code RestTemplateBuilder} and {@code WebClient.Builder} that Spring Boot hands out, each present
 * when its client is on the classpath. The header always carries the current tenant, replacing any
 * value the caller set; no tenant, no header. With {@code tenantkit.http-client.allowed-base-urls}, only
 * calls to those base URLs carry it. The header is {@code tenantkit.http-client.header-name}, else the
 * one the web entry reads ({@code tenantkit.web.header.name}).
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        "org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration",
        "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration"})
@EnableConfigurationProperties({TenantHttpClientProperties.class, TenantWebProperties.class})
@ConditionalOnClass(name = "org.springframework.http.client.ClientHttpRequestInterceptor")
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tenantkit.http-client.enabled", matchIfMissing = true)
public final class TenantHttpClientAutoConfiguration {

    private static final String HEADER_NAME = "tenantkit.http-client.header-name";

    private static final String ALLOWED_BASE_URLS = "tenantkit.http-client.allowed-base-urls";

    TenantHttpClientAutoConfiguration() {
    }

    /**
     * What {@code factory} builds with the header name and the allowed base URLs, a bad value failing
     * startup naming the property it came from.
     */
    private static <T> T withHeaderName(TenantHttpClientProperties client, TenantWebProperties web,
            BiFunction<String, List<String>, T> factory) {
        String own = client.headerName();
        String property = own != null ? HEADER_NAME : "tenantkit.web.header.name";
        String name = InvalidTenantPropertyException.ifValid(property, "Set " + property + " to an HTTP token such as X-Tenant-Id.",
                () -> HttpTokens.require(own != null ? own : web.header().name(), "tenant header name"));
        return InvalidTenantPropertyException.ifValid(ALLOWED_BASE_URLS, "List absolute http or https base URLs in "
                + ALLOWED_BASE_URLS + ", such as https://billing.internal.", () -> factory.apply(name, client.allowedBaseUrls()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
    static class BlockingClientConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantHeaderInterceptor tenantHeaderInterceptor(TenantHttpClientProperties properties, TenantWebProperties web) {
            return withHeaderName(properties, web, TenantHeaderInterceptor::new);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnClass(name = "org.springframework.web.client.RestClient")
        TenantRestClientCustomizer tenantRestClientCustomizer(TenantHeaderInterceptor interceptor) {
            return new TenantRestClientCustomizer(interceptor);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnClass(name = "org.springframework.web.client.RestTemplate")
        TenantRestTemplateCustomizer tenantRestTemplateCustomizer(TenantHeaderInterceptor interceptor) {
            return new TenantRestTemplateCustomizer(interceptor);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.webclient.WebClientCustomizer",
            "org.springframework.web.reactive.function.client.WebClient", "reactor.core.publisher.Mono"})
    static class WebClientConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantHeaderExchangeFilter tenantHeaderExchangeFilter(TenantHttpClientProperties properties, TenantWebProperties web) {
            return withHeaderName(properties, web, TenantHeaderExchangeFilter::new);
        }

        @Bean
        @ConditionalOnMissingBean
        TenantWebClientCustomizer tenantWebClientCustomizer(TenantHeaderExchangeFilter filter) {
            return new TenantWebClientCustomizer(filter);
        }
    }
}
