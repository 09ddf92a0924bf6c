package io.tenantkit.spring.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** With a separate management port, the page moves there with the actuator, and keeps its security headers. */
@SpringBootTest(classes = OpsTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {OpsTestApp.EXPOSURE, "management.server.port=0"})
class TenantOpsManagementPortTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void pageIsServedOnTheManagementPortWithItsHeaders() {
        ResponseEntity<String> page = get(managementPort, "/actuator/tenantops");

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        TenantOpsPageHttpTests.assertPageHeaders(page.getHeaders());
        TenantOpsPageHttpTests.assertPageHeaders(get(managementPort, "/actuator/tenantops/ops.js").getHeaders());
    }

    @Test
    void pageIsNotOnTheApplicationsPort() {
        assertThat(get(port, "/actuator/tenantops").getStatusCode().value()).isEqualTo(404);
    }

    private static ResponseEntity<String> get(int port, String path) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(OpsTestApp.USER, OpsTestApp.PASSWORD)).build()
                .get().uri(path).retrieve().onStatus(code -> true, (request, resp) -> { }).toEntity(String.class);
    }
}
