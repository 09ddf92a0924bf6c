package io.tenantkit.spring.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The tenant in W3C trace baggage over real HTTP, with Brave: a call made inside a tenant scope carries
 * {@code baggage: tenant=jp} beside the tenant header, and baggage alone never chooses a tenant. Boot's
 * test support turns tracing export and propagation off unless asked, hence {@code @AutoConfigureTracing}.
 */
@AutoConfigureTracing
@SpringBootTest(classes = TenantBaggageHttpTests.BaggageTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tenantkit.tenants.jp.name=Japan", "tenantkit.tenants.us.name=United States",
                "tenantkit.tracing.baggage.enabled=true", "management.tracing.baggage.remote-fields=tenant",
                "management.tracing.propagation.type=w3c", "management.tracing.sampling.probability=1.0"})
class TenantBaggageHttpTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aCallMadeInsideATenantCarriesTheTenantInBaggageBesideTheHeader() throws Exception {
        HttpResponse<String> response = get("/api/relay", Map.of("X-Tenant-Id", "jp"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("tenant=jp|header=jp|baggage=tenant=jp|traceparent=00-");
    }

    @Test
    void baggageAloneChoosesNoTenant() throws Exception {
        HttpResponse<String> response = get("/api/whoami", Map.of("baggage", "tenant=jp"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("missing-tenant").doesNotContain("tenant=jp");
    }

    @Test
    void theTenantHeaderWinsOverBaggageNamingAnotherTenant() throws Exception {
        HttpResponse<String> response = get("/api/whoami", Map.of("X-Tenant-Id", "us", "baggage", "tenant=jp"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("tenant=us|mdc=us|");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
    @RestController
    static class BaggageTestApp {

        private final RestClient client;
        private final WebServerApplicationContext context;

        BaggageTestApp(RestClient.Builder builder, WebServerApplicationContext context) {
            this.client = builder.build();
            this.context = context;
        }

        @GetMapping("/api/whoami")
        String whoami(@RequestHeader(name = "baggage", required = false) @Nullable String baggage) {
            Tenant tenant = TenantContext.require();
            return "tenant=" + tenant.id() + "|mdc=" + MDC.get(TenantContext.MDC_KEY) + "|baggage=" + baggage;
        }

        /** Calls {@code /api/echo} of this server with Boot's RestClient, inside the request's tenant. */
        @GetMapping("/api/relay")
        @Nullable String relay() {
            return client.get().uri("http://localhost:" + context.getWebServer().getPort() + "/api/echo").retrieve().body(String.class);
        }

        @GetMapping("/api/echo")
        String echo(@RequestHeader("X-Tenant-Id") String header, @RequestHeader(name = "baggage", required = false) @Nullable String baggage,
                @RequestHeader(name = "traceparent", required = false) @Nullable String traceparent) {
            return "tenant=" + TenantContext.require().id() + "|header=" + header + "|baggage=" + baggage + "|traceparent=" + traceparent;
        }
    }
}
