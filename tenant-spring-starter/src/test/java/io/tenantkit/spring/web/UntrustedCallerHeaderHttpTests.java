package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The tenant header believed only from trusted callers: these tests call from loopback, which the
 * configured range (10.0.0.0/8, an internal network) does not contain, so the header is ignored.
 */
@ActiveProfiles("webtest")
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenantkit.web.resolvers=header,query",
        "tenantkit.web.query.parameter=site",
        "tenantkit.web.header.trusted-callers=10.0.0.0/8"})
class UntrustedCallerHeaderHttpTests {

    @LocalServerPort
    int port;

    @Test
    void headerFromAnUntrustedCallerIsIgnoredSoNoTenantIsChosen() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("https://tenantkit.io/problems/missing-tenant");
        assertThat(response.header("X-Tenant-Id")).isNull();
    }

    @Test
    void forgedHeaderCannotOverrideTheTenantTheRequestResolvesOtherwise() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami?site=us", "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"us\"");
    }
}
