package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The tenant header of a trusted caller (these tests call from loopback, inside the configured ranges). */
@ActiveProfiles("webtest")
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenantkit.web.resolvers=header",
        "tenantkit.web.header.trusted-callers=10.0.0.0/8, 127.0.0.0/8, ::1/128"})
class TrustedCallerHeaderHttpTests {

    @LocalServerPort
    int port;

    @Test
    void headerFromATrustedCallerSelectsTheTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"jp\"");
        assertThat(response.header("X-Tenant-Id")).isEqualTo("jp");
    }
}
