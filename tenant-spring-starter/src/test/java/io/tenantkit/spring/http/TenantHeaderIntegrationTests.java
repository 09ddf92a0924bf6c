package io.tenantkit.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.spring.testapp.PropagationTestApplication;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/** Outgoing calls to a second endpoint ({@code /echo}, which echoes the header) over real HTTP. */
@SpringBootTest(classes = PropagationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("try") // scopes entered in try-with-resources are closed, not read
class TenantHeaderIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClients;

    @Autowired
    RestTemplateBuilder restTemplates;

    @Autowired
    WebClient.Builder webClients;

    @Autowired
    TenantRegistry registry;

    @Test
    void restClientCallMadeWhileServingARequestCarriesThatRequestsTenant() {
        String echoed = RestClient.create(base()).get().uri("/call").header("X-Tenant-Id", "jp").retrieve()
                .body(String.class);

        assertThat(echoed).isEqualTo("jp");
    }

    @Test
    void restClientSendsTheCurrentTenant() {
        RestClient client = restClients.baseUrl(base()).build();

        try (TenantScope ignored = TenantContext.enter(registry.require(TenantId.of("us")))) {
            assertThat(client.get().uri("/echo").retrieve().body(String.class)).isEqualTo("us");
        }
    }

    @Test
    void withoutATenantNoHeaderIsSentAndTheCallSucceeds() {
        RestClient client = restClients.baseUrl(base()).build();

        assertThat(client.get().uri("/echo").retrieve().body(String.class)).isEqualTo("absent");
    }

    /** Regression: a header the caller set (a client's, copied from the incoming request) was forwarded as it was. */
    @Test
    void aHeaderTheCallerSetIsReplacedByTheCurrentTenant() {
        RestClient client = restClients.baseUrl(base()).build();

        try (TenantScope ignored = TenantContext.enter(registry.require(TenantId.of("us")))) {
            assertThat(client.get().uri("/echo").header("X-Tenant-Id", "jp").retrieve().body(String.class)).isEqualTo("us");
        }
    }

    @Test
    void aHeaderTheCallerSetIsRemovedWhenThereIsNoTenant() {
        RestClient client = restClients.baseUrl(base()).build();

        assertThat(client.get().uri("/echo").header("X-Tenant-Id", "jp").retrieve().body(String.class)).isEqualTo("absent");
    }

    @Test
    void webClientReplacesOrRemovesAHeaderTheCallerSet() {
        WebClient client = webClients.baseUrl(base()).build();

        try (TenantScope ignored = TenantContext.enter(registry.require(TenantId.of("us")))) {
            assertThat(client.get().uri("/echo").header("X-Tenant-Id", "jp").retrieve().bodyToMono(String.class).block())
                    .isEqualTo("us");
        }
        assertThat(client.get().uri("/echo").header("X-Tenant-Id", "jp").retrieve().bodyToMono(String.class).block())
                .isEqualTo("absent");
    }

    @Test
    void onlyCallsToAllowedBaseUrlsCarryTheTenant() {
        List<String> allowed = List.of(base() + "/echo");
        RestClient client = RestClient.builder().requestInterceptor(new TenantHeaderInterceptor("X-Tenant-Id", allowed)).build();
        WebClient webClient = WebClient.builder().filter(new TenantHeaderExchangeFilter("X-Tenant-Id", allowed)).build();

        try (TenantScope ignored = TenantContext.enter(registry.require(TenantId.of("jp")))) {
            assertThat(client.get().uri(base() + "/echo").retrieve().body(String.class)).isEqualTo("jp");
            assertThat(client.get().uri(base() + "/echo?x=1").retrieve().body(String.class)).isEqualTo("jp");
            assertThat(webClient.get().uri(base() + "/echo").retrieve().bodyToMono(String.class).block()).isEqualTo("jp");
            // Another host name for the same server: not listed, so no tenant, not even one the caller set.
            assertThat(client.get().uri("http://127.0.0.1:" + port + "/echo").header("X-Tenant-Id", "jp").retrieve()
                    .body(String.class)).isEqualTo("absent");
            assertThat(webClient.get().uri("http://127.0.0.1:" + port + "/echo").header("X-Tenant-Id", "jp").retrieve()
                    .bodyToMono(String.class).block()).isEqualTo("absent");
        }
    }

    @Test
    void restTemplateSendsTheCurrentTenant() {
        var template = restTemplates.baseUri(base()).build();

        try (TenantScope ignored = TenantContext.enter(registry.require(TenantId.of("jp")))) {
            assertThat(template.getForObject("/echo", String.class)).isEqualTo("jp");
        }
        assertThat(template.getForObject("/echo", String.class)).isEqualTo("absent");
    }

    @Test
    void webClientSendsTheTenantOfTheSubscribingThread() {
        WebClient client = webClients.baseUrl(base()).build();

        try (TenantScope ignored = TenantContext.enter(registry.require(TenantId.of("jp")))) {
            assertThat(client.get().uri("/echo").retrieve().bodyToMono(String.class).block()).isEqualTo("jp");
        }
        assertThat(client.get().uri("/echo").retrieve().bodyToMono(String.class).block()).isEqualTo("absent");
    }

    @Test
    void webClientPrefersTheTenantInTheReactorContext() {
        WebClient client = webClients.baseUrl(base()).build();

        String echoed = client.get().uri("/echo").retrieve().bodyToMono(String.class)
                .contextWrite(context -> context.put(io.tenantkit.context.TenantThreadLocalAccessor.KEY,
                        registry.require(TenantId.of("us"))))
                .block();

        assertThat(echoed).isEqualTo("us");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
