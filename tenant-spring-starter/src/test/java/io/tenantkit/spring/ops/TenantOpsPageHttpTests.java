package io.tenantkit.spring.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The operations page over real HTTP, behind Spring Security as the docs show it. */
@SpringBootTest(classes = OpsTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = OpsTestApp.EXPOSURE)
class TenantOpsPageHttpTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @Test
    void pageIsServedAsHtmlWithItsContentSecurityPolicy() {
        ResponseEntity<String> page = get("/actuator/tenantops", true);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
        assertPageHeaders(page.getHeaders());
        assertThat(page.getBody()).contains("<script src=\"tenantops/ops.js\" defer></script>")
                .doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void scriptAndStyleSheetAreServedWithTheirTypesAndHeaders() {
        ResponseEntity<String> script = get("/actuator/tenantops/ops.js", true);
        ResponseEntity<String> style = get("/actuator/tenantops/ops.css", true);

        assertThat(script.getHeaders().getContentType()).hasToString("text/javascript;charset=UTF-8");
        assertThat(script.getBody()).contains("textContent").doesNotContain("innerHTML =").doesNotContain("insertAdjacentHTML");
        assertThat(style.getHeaders().getContentType()).hasToString("text/css;charset=UTF-8");
        assertPageHeaders(script.getHeaders());
        assertPageHeaders(style.getHeaders());
    }

    @Test
    void anyOtherNameUnderThePageAnswers404() {
        assertThat(get("/actuator/tenantops/index.html", true).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/actuator/tenantops/application.properties", true).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void pageAndTheEndpointsItReadsNeedTheOperatorsCredentials() {
        assertThat(get("/actuator/tenantops", false).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/actuator/tenantops/ops.js", false).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/actuator/tenants", false).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/actuator/tenantloggers", false).getStatusCode().value()).isEqualTo(401);
    }

    /** What makes switching CSRF protection off for the actuator safe: a cross-site form cannot send JSON. */
    @Test
    void aLevelChangeSentAsAFormWouldSendItIsRefused() {
        ResponseEntity<Void> response = http(true).post().uri("/actuator/tenantloggers/jp/ROOT")
                .contentType(MediaType.TEXT_PLAIN).body("{\"configuredLevel\":\"DEBUG\"}").retrieve()
                .onStatus(code -> true, (request, resp) -> { }).toBodilessEntity();

        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(get("/actuator/tenantloggers/jp", true).getBody()).contains("\"loggers\":{}");
    }

    @Test
    void tenantsEndpointCountsEachTenantsRequestsAndErrors() {
        for (int i = 0; i < 3; i++) {
            http(false).get().uri("/no-such-page").header("X-Tenant-Id", "jp").retrieve()
                    .onStatus(code -> true, (request, resp) -> { }).toBodilessEntity();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Object> body = http(true).get().uri("/actuator/tenants").retrieve().body(JSON);
            assertThat(body).isNotNull();
            assertThat(body.get("details")).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .extractingByKey("traffic").asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("jp", Map.of("requests", 3, "clientErrors", 3, "serverErrors", 0))
                    .containsEntry("us", Map.of("requests", 0, "clientErrors", 0, "serverErrors", 0))
                    // The actuator's own requests (the page's reads included) carry no tenant.
                    .containsKey("none");
        });
    }

    static void assertPageHeaders(HttpHeaders headers) {
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(TenantOpsPageHeaders.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Cache-Control")).isEqualTo("no-store");
    }

    private ResponseEntity<String> get(String path, boolean authenticated) {
        return http(authenticated).get().uri(path).retrieve().onStatus(code -> true, (request, resp) -> { })
                .toEntity(String.class);
    }

    private RestClient http(boolean authenticated) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (authenticated) {
            builder.defaultHeaders(headers -> headers.setBasicAuth(OpsTestApp.USER, OpsTestApp.PASSWORD));
        }
        return builder.build();
    }
}
