package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The HTTP benchmark's baseline: with profile {@code tenancy-off} the app serves the pinned site for every
 * request, without TenantKit's web entry, and answers exactly what the site answers with tenancy on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("tenancy-off")
class TenancyOffProfileTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void everyRequestIsServedAsThePinnedSiteWithoutTheWebEntry() throws Exception {
        HttpResponse<String> response = get(null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"jp\"", "\"currency\":\"JPY\"",
                "\"greeting\":\"Japanマーケットプレイスへようこそ\"", "\"payoutRail\":\"zengin\"");
        assertThat(response.headers().firstValue("X-Tenant-Id")).as("no web entry, no response header").isEmpty();
    }

    @Test
    void theTenantHeaderIsNotReadAtAll() throws Exception {
        assertThat(get("de").body()).isEqualTo(get(null).body());
    }

    private HttpResponse<String> get(String tenantHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/site"));
        if (tenantHeader != null) {
            request.header("X-Tenant-Id", tenantHeader);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
