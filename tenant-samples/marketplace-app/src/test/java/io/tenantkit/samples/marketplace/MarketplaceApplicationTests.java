package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The README's curl calls, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketplaceApplicationTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void pingNeedsNoTenant() throws Exception {
        HttpResponse<String> response = get("/ping", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"up\"");
    }

    @Test
    void japaneseSiteAnswersInJapaneseAndYen() throws Exception {
        HttpResponse<String> response = get("/api/site", "jp");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Tenant-Id")).hasValue("jp");
        assertThat(response.body()).contains("\"tenant\":\"jp\"", "\"locale\":\"ja-JP\"", "\"currency\":\"JPY\"",
                "\"timeZone\":\"Asia/Tokyo\"", "12,346\"", "\"greeting\":\"Japanマーケットプレイスへようこそ\"");
    }

    @Test
    void germanSiteAnswersInGermanAndEuro() throws Exception {
        HttpResponse<String> response = get("/api/site", "de");

        assertThat(response.body()).contains("\"tenant\":\"de\"", "\"locale\":\"de-DE\"", "\"currency\":\"EUR\"",
                "\"sampleAmount\":\"12.345,68\u00a0€\"", "\"greeting\":\"Willkommen auf dem Marktplatz Germany\"");
    }

    @Test
    void usSiteFallsBackToTheSharedMessages() throws Exception {
        assertThat(get("/api/site", "us").body()).contains("\"sampleAmount\":\"$12,345.68\"",
                "\"greeting\":\"Welcome to the United States marketplace\"");
    }

    @Test
    void japaneseSiteIsAnsweredByTheSiteJpModule() throws Exception {
        // site-jp: 3.6% of 12,345.675 in whole yen (444) plus 10% consumption tax on the fee (44).
        assertThat(get("/api/site", "jp").body()).contains("488\"", "\"kycDocuments\":[\"my-number-card\",",
                "\"payoutRail\":\"zengin\"");
    }

    @Test
    void usSiteIsAnsweredByTheSiteUsModule() throws Exception {
        // site-us: 2.9% of 12,345.675 plus 30 cents.
        assertThat(get("/api/site", "us").body()).contains("\"merchantFee\":\"$358.32\"", "\"payoutRail\":\"ach\"");
    }

    @Test
    void germanSiteWithoutAModuleGetsTheGlobalDefaults() throws Exception {
        // No site-de jar: the marketplace-api defaults answer (5%, government id and bank statement, no local rail).
        assertThat(get("/api/site", "de").body()).contains("\"merchantFee\":\"617,28\u00a0€\"",
                "\"kycDocuments\":[\"government-id\",\"bank-statement\"]", "\"payoutRail\":\"international-wire\"");
    }

    @Test
    void actuatorShowsWhichModuleAnswersEachTenant() throws Exception {
        HttpResponse<String> response = get("/actuator/tenants", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"io.tenantkit.samples.marketplace.api.FeePolicy\"",
                "\"implementation\":\"io.tenantkit.samples.site.jp.JpFeePolicy\",\"level\":\"jp\"",
                "\"implementation\":\"io.tenantkit.samples.site.us.UsFeePolicy\",\"level\":\"us\"");
        assertThat(get("/actuator/tenants/de", null).body())
                .contains("\"implementation\":\"io.tenantkit.samples.marketplace.api.defaults.StandardFeePolicy\",\"level\":\"global\"");
    }

    @Test
    void unknownTenantIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/site", "fr");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/unknown-tenant\"");
    }

    @Test
    void regionIsNotServed() throws Exception {
        assertThat(get("/api/site", "apac").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedTenantIsA400Problem() throws Exception {
        HttpResponse<String> response = get("/api/site", "../etc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/invalid-tenant-id\"");
    }

    @Test
    void apiWithoutTenantIsA400Problem() throws Exception {
        HttpResponse<String> response = get("/api/site", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/missing-tenant\"");
    }

    private HttpResponse<String> get(String path, String tenant) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (tenant != null) {
            request.header("X-Tenant-Id", tenant);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
