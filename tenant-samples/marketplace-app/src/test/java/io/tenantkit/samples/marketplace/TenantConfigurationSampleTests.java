package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.tenantkit.spring.test.TenantTestRequests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The sample's configuration, as the README and docs/configuration.md show it, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantConfigurationSampleTests {

    @TempDir
    static Path operatorDir;

    @DynamicPropertySource
    static void operatorDirectory(DynamicPropertyRegistry registry) {
        registry.add("tenantkit.config.dir", operatorDir::toString);
        registry.add("tenantkit.config.interval", () -> "200ms");
        registry.add("management.endpoint.tenants.show-values", () -> "always");
    }

    @LocalServerPort
    int port;

    @AfterEach
    void removeOperatorFiles() throws IOException {
        Files.deleteIfExists(operatorDir.resolve("de.yml"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/site", "de")).contains("\"merchantFee\":\"617,28\u00a0€\""));
    }

    @Test
    void jpHasInstantPayoutAndItsOwnLimitFromItsModuleFile() {
        assertThat(get("/api/payouts", "jp")).contains("\"limit\":\"￥1,000,000\"", "\"instantPayout\":true");
        assertThat(get("/api/payouts/instant", "jp")).contains("\"status\":\"instant payouts are on\"");
    }

    @Test
    void instantPayoutIsA404ProblemWhereTheFeatureIsOff() {
        assertThat(get("/api/payouts", "us")).contains("\"limit\":\"$25,000.00\"", "\"instantPayout\":false");
        assertThat(get("/api/payouts/instant", "de")).contains("\"type\":\"https://tenantkit.io/problems/feature-disabled\"",
                "\"status\":404", "\"feature\":\"instant-payout\"");
    }

    @Test
    void editingDeYmlChangesDesFeeWithoutARestart() throws IOException {
        assertThat(get("/api/site", "de")).contains("\"merchantFee\":\"617,28\u00a0€\"");

        Files.writeString(operatorDir.resolve("de.yml"), "marketplace:\n  fees:\n    rate: 0.04\n");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/site", "de")).contains("\"merchantFee\":\"493,83\u00a0€\""));
        assertThat(get("/actuator/tenants/de", null)).contains("\"key\":\"marketplace.fees.rate\"", "\"value\":\"0.04\"",
                "\"origin\":\"operator 'de' " + operatorDir.resolve("de.yml") + ":3\"", "\"overrides\":[\"application");
    }

    @Test
    void anInvalidEditKeepsTheLastGoodValue() throws IOException {
        Files.writeString(operatorDir.resolve("de.yml"), "marketplace.fees.rate: 0.9\n");
        Files.writeString(operatorDir.resolve("us.yml"), "marketplace.payouts.limit: 30000\n");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/api/payouts", "us")).contains("$30,000.00"));
        assertThat(get("/api/site", "de")).contains("\"merchantFee\":\"617,28\u00a0€\"");
        Files.delete(operatorDir.resolve("us.yml"));
    }

    private String get(String path, String tenant) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(tenant == null ? (HttpHeaders h) -> { } : TenantTestRequests.headers(tenant))
                .exchange((request, response) -> new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
    }
}
