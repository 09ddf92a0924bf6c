package io.tenantkit.spring.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.spring.testapp.PropagationTestApplication;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** The {@code tenant} tag on {@code http.server.requests}, with real requests on a random port. */
@SpringBootTest(classes = PropagationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantObservationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void requestServedUnderATenantIsTaggedWithIt() {
        get("/tenant", "jp");

        awaitTimer("/tenant", "jp");
    }

    @Test
    void tenantResolvedOtherwiseThanByTheHeaderIsRememberedForTheTag() {
        get("/site?site=us", null);

        awaitTimer("/site", "us");
        assertThat(meters.find("http.server.requests").tag("uri", "/site").meters())
                .allSatisfy(meter -> assertThat(meter.getId().getTag("tenant")).isEqualTo("us"));
    }

    @Test
    void requestNamingATenantTheRegistryDoesNotKnowIsTaggedUnknown() {
        get("/tenant", "zz");

        awaitTimer("/tenant", "unknown");
    }

    @Test
    void requestWithoutATenantIsTaggedNone() {
        get("/tenant", null);

        awaitTimer("/tenant", "none");
    }

    @Test
    void hostileAndUnknownTenantValuesNeverGrowTheTagBeyondTheRegistry() {
        for (int i = 0; i < 50; i++) {
            get("/tenant", "t" + i);
            get("/tenant", "../etc/passwd" + i);
        }
        get("/tenant", "ru");
        get("/tenant", "us");
        awaitTimer("/tenant", "ru");
        awaitTimer("/tenant", "us");

        Set<String> values = meters.find("http.server.requests").meters().stream()
                .map(meter -> meter.getId().getTag("tenant")).collect(Collectors.toSet());
        assertThat(values).isSubsetOf("jp", "us", "ru", "apac", "de", "none", "unknown").contains("ru", "us");
        assertThat(meters.find("http.server.requests").meters()).allSatisfy(meter -> assertThat(tagKeys(meter))
                .contains("tenant"));
    }

    /** The server records the request after the response went out: wait for it, then look. */
    private void awaitTimer(String uri, String tenant) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meters.find("http.server.requests").tag("uri", uri).tag("tenant", tenant).timer()).isNotNull());
    }

    private void get(String path, String tenant) {
        RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> {
                    if (tenant != null) {
                        headers.set("X-Tenant-Id", tenant);
                    }
                })
                .retrieve().toBodilessEntity();
    }

    private static Set<String> tagKeys(Meter meter) {
        return meter.getId().getTags().stream().map(tag -> tag.getKey()).collect(Collectors.toSet());
    }
}
