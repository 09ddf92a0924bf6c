package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's log commands: each /api/ request writes an INFO line to the tenant's file; the DEBUG line
 * appears for jp only after the curl that turns DEBUG on for jp, and stops when it is turned off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantLogFilesTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String LOGGER = "/actuator/tenantloggers/jp/io.tenantkit.samples";

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tenantFolder(DynamicPropertyRegistry registry) {
        registry.add("tenantkit.logging.files.dir", () -> dir.toString());
    }

    @Test
    void debugForJpOnlyThroughTheEndpoint() throws Exception {
        site("jp");
        site("us");
        await().untilAsserted(() -> assertThat(lines("us")).anyMatch(line -> line.contains("INFO")));
        assertThat(lines("jp")).anyMatch(line -> line.contains("[jp] ") && line.endsWith("Site page for Japan"))
                .noneMatch(line -> line.contains("DEBUG"));

        assertThat(post(LOGGER, "{\"configuredLevel\":\"DEBUG\",\"expiresAfter\":\"PT30M\"}")).isEqualTo(204);
        site("jp");
        site("us");
        await().untilAsserted(() -> assertThat(lines("jp"))
                .anyMatch(line -> line.contains("DEBUG") && line.endsWith("Site page for jp: locale ja_JP, currency JPY")));
        await().untilAsserted(() -> assertThat(lines("us")).filteredOn(line -> line.contains("INFO")).hasSize(2));
        assertThat(lines("us")).noneMatch(line -> line.contains("DEBUG"));

        assertThat(post(LOGGER, "{\"configuredLevel\":null}")).isEqualTo(204);
        site("jp");
        await().untilAsserted(() -> assertThat(lines("jp")).filteredOn(line -> line.contains("INFO")).hasSize(3));
        assertThat(lines("jp")).filteredOn(line -> line.contains("DEBUG")).hasSize(1);
    }

    @Test
    void onboardingAndPayoutsLogToTheirSitesFile() throws Exception {
        SampleHttp http = new SampleHttp(port);
        long merchant = http.merchant("de", "Logged GmbH", "[\"handelsregister-extract\",\"personalausweis\"]");
        assertThat(http.post("/api/payouts", "de", "{\"merchantId\":" + merchant + ",\"amount\":\"100\"}").status()).isEqualTo(201);

        await().untilAsserted(() -> assertThat(lines("de"))
                .anyMatch(line -> line.contains("[de] ") && line.endsWith("Merchant " + merchant + " applied: \"Logged GmbH\""))
                .anyMatch(line -> line.endsWith("Payout of 100 to merchant " + merchant + " over sepa")));
        assertThat(lines("jp")).noneMatch(line -> line.contains("Logged GmbH"));
    }

    private void site(String tenant) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/site"))
                .header("X-Tenant-Id", tenant).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private int post(String path, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<String> lines(String tenant) throws IOException {
        Path file = dir.resolve(tenant + ".log");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }
}
