package io.tenantkit.spring.http;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aHeaderTheCallerSetIsKept() {
        RestClient client = restClients.baseUrl(base()).build();

        try (TenantScope ignored = TenantContext.enter(registry.require(TenantId.of("us")))) {
            assertThat(client.get().uri("/echo").header("X-Tenant-Id", "jp").retrieve().body(String.class))
                    .isEqualTo("jp");
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
