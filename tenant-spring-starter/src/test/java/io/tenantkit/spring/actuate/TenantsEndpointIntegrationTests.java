package io.tenantkit.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.tenantkit.spring.testapp.PropagationTestApplication;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** {@code /actuator/tenants} over real HTTP. */
@SpringBootTest(classes = PropagationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantsEndpointIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @Test
    void listsEveryTenantWithItsSettingsAndTheContributorsDetails() {
        Map<String, Object> body = http().get().uri("/actuator/tenants").retrieve().body(JSON);

        assertThat(body).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tenants = (List<Map<String, Object>>) body.get("tenants");
        assertThat(tenants).extracting(t -> t.get("id")).containsExactly("apac", "jp", "us", "ru");
        assertThat(tenants.get(1)).containsEntry("name", "Japan").containsEntry("status", "ACTIVE")
                .containsEntry("parent", "apac").containsEntry("locale", "ja-JP").containsEntry("currency", "JPY")
                .containsEntry("timeZone", "Asia/Tokyo");
        assertThat(tenants.get(0)).containsEntry("status", "INACTIVE").containsEntry("parent", null)
                .containsEntry("locale", "und").containsEntry("currency", null).containsEntry("timeZone", "Z");
        assertThat(tenants.get(3)).containsEntry("status", "SUSPENDED");
        assertThat(body.get("details")).isEqualTo(Map.of("sample", Map.of("activeTenants", 2)));
    }

    @Test
    void describesOneTenantWithTheContributorsDetailsAboutIt() {
        Map<String, Object> body = http().get().uri("/actuator/tenants/jp").retrieve().body(JSON);

        assertThat(body).isNotNull();
        assertThat(body.get("tenant")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", "jp").containsEntry("currency", "JPY");
        assertThat(body.get("details")).isEqualTo(Map.of("sample", Map.of("lineage", List.of("jp", "apac"))));
    }

    @Test
    void unknownOrMalformedTenantAnswers404() {
        assertThat(status("/actuator/tenants/zz").value()).isEqualTo(404);
        assertThat(status("/actuator/tenants/JP").value()).isEqualTo(404);
        // Encoded dots never reach the endpoint: the web entry refuses a non-normalised path with 400.
        assertThat(status("/actuator/tenants/JP%2e%2e").value()).isEqualTo(400);
    }

    private HttpStatusCode status(String path) {
        ResponseEntity<Void> response = http().get().uri(path).retrieve()
                .onStatus(code -> true, (request, resp) -> { })
                .toBodilessEntity();
        return response.getStatusCode();
    }

    private RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }
}
