package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.function.Consumer;

import io.tenantkit.context.TenantContext;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.spring.test.TenantTestRequests;
import io.tenantkit.spring.test.WithTenant;
import io.tenantkit.tenant.TenantFormats;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The README's curl calls, over real HTTP, naming the tenant with the starter's {@link TenantTestRequests};
 * and shared code called directly under {@link WithTenant}, as the docs show users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketplaceApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void pingNeedsNoTenant() {
        Response response = get("/ping", noTenant());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"up\"");
    }

    @Test
    void japaneseSiteAnswersInJapaneseAndYen() {
        Response response = get("/api/site", TenantTestRequests.headers("jp"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.tenantHeader()).isEqualTo("jp");
        assertThat(response.body()).contains("\"tenant\":\"jp\"", "\"locale\":\"ja-JP\"", "\"currency\":\"JPY\"",
                "\"timeZone\":\"Asia/Tokyo\"", "12,346\"", "\"greeting\":\"Japanマーケットプレイスへようこそ\"");
    }

    @Test
    void germanSiteAnswersInGermanAndEuro() {
        assertThat(get("/api/site", TenantTestRequests.headers("de")).body()).contains("\"tenant\":\"de\"",
                "\"locale\":\"de-DE\"", "\"currency\":\"EUR\"", "\"sampleAmount\":\"12.345,68\u00a0€\"",
                "\"greeting\":\"Willkommen auf dem Marktplatz Germany\"");
    }

    @Test
    void usSiteFallsBackToTheSharedMessages() {
        assertThat(get("/api/site", TenantTestRequests.headers("us")).body()).contains("\"sampleAmount\":\"$12,345.68\"",
                "\"greeting\":\"Welcome to the United States marketplace\"");
    }

    @Test
    void japaneseSiteIsAnsweredByTheSiteJpModule() {
        // site-jp: 3.6% of 12,345.675 in whole yen (444) plus 10% consumption tax on the fee (44).
        assertThat(get("/api/site", TenantTestRequests.headers("jp")).body()).contains("488\"",
                "\"kycDocuments\":[\"my-number-card\",", "\"payoutRail\":\"zengin\"");
    }

    @Test
    void usSiteIsAnsweredByTheSiteUsModule() {
        // site-us: 2.9% of 12,345.675 plus 30 cents.
        assertThat(get("/api/site", TenantTestRequests.headers("us")).body()).contains("\"merchantFee\":\"$358.32\"",
                "\"payoutRail\":\"ach\"");
    }

    @Test
    void germanSiteIsAnsweredByTheSiteDeModuleAndTheDefaultFee() {
        // site-de has no FeePolicy: the marketplace-api default answers at the configured 5%; KYC and rail are site-de's.
        assertThat(get("/api/site", TenantTestRequests.headers("de")).body()).contains("\"merchantFee\":\"617,28\u00a0€\"",
                "\"kycDocuments\":[\"handelsregister-extract\",\"personalausweis\"]", "\"payoutRail\":\"sepa\"");
    }

    @Test
    void actuatorShowsWhichModuleAnswersEachTenant() {
        Response response = get("/actuator/tenants", noTenant());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"io.tenantkit.samples.marketplace.api.FeePolicy\"",
                "\"implementation\":\"io.tenantkit.samples.site.jp.JpFeePolicy\",\"level\":\"jp\"",
                "\"implementation\":\"io.tenantkit.samples.site.us.UsFeePolicy\",\"level\":\"us\"");
        assertThat(get("/actuator/tenants/de", noTenant()).body())
                .contains("\"implementation\":\"io.tenantkit.samples.marketplace.api.defaults.StandardFeePolicy\",\"level\":\"global\"");
    }

    @Test
    void unknownTenantIsA404Problem() {
        Response response = get("/api/site", TenantTestRequests.headers("zz"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"type\":\"https://tenantkit.io/problems/unknown-tenant\",\"title\":\"Unknown tenant\","
                + "\"status\":404,\"detail\":\"No tenant 'zz' is served here (from header X-Tenant-Id).\"}");
    }

    @Test
    void regionIsNotServed() {
        assertThat(get("/api/site", TenantTestRequests.headers("apac")).status()).isEqualTo(404);
    }

    @Test
    void malformedTenantIsA400Problem() {
        // A hostile value, sent with the plain header method: TenantTestRequests refuses malformed ids.
        Response response = get("/api/site", headers -> headers.set("X-Tenant-Id", "../etc"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/invalid-tenant-id\"");
    }

    @Test
    void apiWithoutTenantIsA400Problem() {
        Response response = get("/api/site", noTenant());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/missing-tenant\"");
    }

    /**
     * {@code curl --path-as-is 'http://localhost:8080/api/site/../../ping'}: a raw socket, since HTTP client
     * libraries normalise the path before sending it. Regression: the filter saw the excluded /ping while
     * Spring MVC matched the raw path.
     */
    @Test
    void pathWithDotSegmentsIsA400ProblemNeverServed() throws IOException {
        String response = rawGet("/api/site/../../ping");

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("Cache-Control: no-store",
                "{\"type\":\"https://tenantkit.io/problems/non-normalized-path\"").doesNotContain("\"status\":\"up\"");
    }

    @Test
    void responsesVaryOnTheTenantHeader() {
        HttpHeaders[] seen = new HttpHeaders[1];
        RestClient.create("http://localhost:" + port).get().uri("/api/site").headers(TenantTestRequests.headers("jp"))
                .exchange((request, response) -> seen[0] = response.getHeaders());

        assertThat(seen[0].getVary()).contains("X-Tenant-Id");
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Shared code called directly, with the tenant entered by {@link WithTenant} from the app's registry. */
    @Nested
    @WithTenant("jp")
    class SharedCodeUnderATenant {

        @Autowired
        FeePolicy fees;

        @Test
        void runsAsTheDeclaredTenant() {
            assertThat(TenantContext.require().name()).isEqualTo("Japan");
            assertThat(TenantContext.require().currency()).contains(Currency.getInstance("JPY"));
        }

        @Test
        void reachesTheSiteJpModuleThroughTheSharedInterface() {
            assertThat(TenantFormats.money(TenantContext.require(), fees.fee(SiteController.SAMPLE_AMOUNT))).isEqualTo("￥488");
        }

        @Test
        @WithTenant("de")
        void aMethodCanNameAnotherTenant() {
            assertThat(TenantFormats.money(TenantContext.require(), fees.fee(SiteController.SAMPLE_AMOUNT))).isEqualTo("617,28\u00a0€");
        }
    }

    private Response get(String path, Consumer<HttpHeaders> headers) {
        return RestClient.create("http://localhost:" + port).get().uri(path).headers(headers)
                .exchange((request, response) -> new Response(response.getStatusCode().value(),
                        response.getHeaders().getFirst("X-Tenant-Id"),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static Consumer<HttpHeaders> noTenant() {
        return headers -> { };
    }

    /** What a request got back. */
    record Response(int status, String tenantHeader, String body) {
    }
}
