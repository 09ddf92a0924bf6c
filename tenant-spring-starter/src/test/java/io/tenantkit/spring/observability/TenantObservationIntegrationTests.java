package io.tenantkit.spring.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.spring.testapp.PropagationTestApplication;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
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
    void requestNamingATenantTheRegistryDoesNotKnowIsRejectedAndTaggedUnknown() {
        assertThat(get("/tenant", "zz")).isEqualTo(404);

        awaitRejected("404", "unknown");
    }

    @Test
    void malformedTenantIsRejectedAndTaggedUnknown() {
        assertThat(get("/tenant", "../etc")).isEqualTo(400);

        awaitRejected("400", "unknown");
    }

    /** Regression: the raw header chose the tag of a request on a path the tenant filter never sees. */
    @Test
    void excludedPathIsTaggedNoneWhateverItsHeaderNames() {
        assertThat(get("/actuator/tenants", "jp")).isEqualTo(200);

        awaitTimer("/actuator/tenants", "none");
        assertThat(meters.find("http.server.requests").tag("uri", "/actuator/tenants").tag("tenant", "jp").timer()).isNull();
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
        assertThat(get("/tenant", "ru")).isEqualTo(403);
        assertThat(get("/tenant", "us")).isEqualTo(200);
        awaitRejected("403", "ru");
        awaitTimer("/tenant", "us");

        Set<String> values = meters.find("http.server.requests").meters().stream()
                .map(meter -> meter.getId().getTag("tenant")).collect(Collectors.toSet());
        assertThat(values).isSubsetOf("jp", "us", "ru", "apac", "de", "none", "unknown").contains("ru", "us");
        assertThat(meters.find("http.server.requests").meters()).allSatisfy(meter -> assertThat(tagKeys(meter))
                .contains("tenant"));
    }

    /**
     * With trusted callers set, the header of any other caller is ignored by the web entry, and so by
     * the tag: these requests come from loopback, outside 10.0.0.0/8.
     */
    @Nested
    @TestPropertySource(properties = "tenantkit.web.header.trusted-callers=10.0.0.0/8")
    class UntrustedCallers {

        @LocalServerPort
        int port;

        @Autowired
        MeterRegistry meters;

        /** Regression: an untrusted caller's header charged its request to the tenant it named. */
        @Test
        void theHeaderOfAnUntrustedCallerNeverChoosesTheTag() {
            assertThat(send(port, "/tenant", "jp")).isEqualTo(200);
            assertThat(send(port, "/site", "ru")).isEqualTo(200);

            awaitTimer(meters, "/tenant", "none");
            awaitTimer(meters, "/site", "none");
            assertThat(meters.find("http.server.requests").meters())
                    .noneSatisfy(meter -> assertThat(meter.getId().getTag("tenant")).isIn("jp", "ru"));
        }
    }

    private void awaitTimer(String uri, String tenant) {
        awaitTimer(meters, uri, tenant);
    }

    /** The server records the request after the response went out: wait for it, then look. */
    private static void awaitTimer(MeterRegistry meters, String uri, String tenant) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meters.find("http.server.requests").tag("uri", uri).tag("tenant", tenant).timer()).isNotNull());
    }

    /**
     * A request the tenant filter rejected never reaches a handler, so Spring records it under the
     * uri {@code NOT_FOUND} or {@code UNKNOWN}: find it by status and tenant.
     */
    private void awaitRejected(String status, String tenant) {
        awaitRejected(meters, status, tenant);
    }

    private static void awaitRejected(MeterRegistry meters, String status, String tenant) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meters.find("http.server.requests").tag("status", status).tag("tenant", tenant).timer()).isNotNull());
    }

    private int get(String path, String tenant) {
        return send(port, path, tenant);
    }

    /** Sends the request and returns the status: rejected requests are recorded too. */
    private static int send(int port, String path, String tenant) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> {
                    if (tenant != null) {
                        headers.set("X-Tenant-Id", tenant);
                    }
                })
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static Set<String> tagKeys(Meter meter) {
        return meter.getId().getTags().stream().map(tag -> tag.getKey()).collect(Collectors.toSet());
    }
}
