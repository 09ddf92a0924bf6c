package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The path prefix resolver on optional paths, over real HTTP: the first segment of an optional path
 * names a tenant only when it is one the registry knows; otherwise the rest of the chain decides.
 */
@ActiveProfiles("webtest")
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenantkit.web.resolvers=path,header",
        "tenantkit.web.optional-paths=/public/**,/*/api/whoami"})
class PathPrefixOnOptionalPathsHttpTests {

    @LocalServerPort
    int port;

    /** Regression: the segment 'public' was taken for a tenant, and the request refused as unknown. */
    @Test
    void optionalPathWithUnknownPathSegmentIsServedWithoutATenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/public/whoami");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"none\"");
    }

    @Test
    void optionalPathWithAMalformedSegmentIsServedWithoutATenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/Help/api/whoami");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"none\"");
    }

    @Test
    void optionalPathUnderAKnownTenantIsServedAsThatTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/jp/api/whoami");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"jp\"");
    }

    @Test
    void optionalPathUnderASuspendedTenantIsStillRefused() throws Exception {
        assertThat(RawHttp.get(port, "/closed/api/whoami").status()).isEqualTo(403);
    }

    @Test
    void theHeaderIsAskedWhenTheSegmentNamesNoTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/public/whoami", "X-Tenant-Id: de");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"de\"");
    }

    @Test
    void aHeaderNamingAnUnknownTenantIsStillA404() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/public/whoami", "X-Tenant-Id: fr");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/unknown-tenant\"",
                "No tenant 'fr' is served here (from header X-Tenant-Id).");
    }

    @Test
    void requiredPathsStillTakeTheirFirstSegmentForATenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("No tenant 'api' is served here (from path prefix).");
    }
}
