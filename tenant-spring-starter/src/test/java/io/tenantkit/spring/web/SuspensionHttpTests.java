package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant suspended while its requests are in flight: new requests are refused at once; a request
 * admitted before finishes under its tenant, through its async continuation and the task it handed to
 * an executor. And the option that answers suspended tenants exactly like unknown ones.
 */
@ActiveProfiles("webtest")
@SpringBootTest(classes = {WebTestApp.class, SuspensionHttpTests.SlowController.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SuspensionHttpTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry registry;

    @Test
    void suspendingATenantRefusesNewRequestsAtOnceAndLetsAdmittedOnesFinish() throws Exception {
        CompletableFuture<HttpResponse<String>> admitted = CLIENT.sendAsync(request("/api/slow", "us"), HttpResponse.BodyHandlers.ofString());
        assertThat(STARTED.await(30, TimeUnit.SECONDS)).isTrue();

        Tenant us = registry.require(TenantId.of("us"));
        registry.replace(registry.snapshot().with(us.toBuilder().status(TenantStatus.SUSPENDED).build()));
        HttpResponse<String> next = CLIENT.send(request("/api/whoami", "us"), HttpResponse.BodyHandlers.ofString());
        RELEASE.countDown();
        HttpResponse<String> finished = admitted.get(30, TimeUnit.SECONDS);

        assertThat(next.statusCode()).isEqualTo(403);
        assertThat(next.body()).contains("suspended-tenant");
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("entered us, task ran as us, status now SUSPENDED");
        assertThat(finished.headers().firstValue("X-Tenant-Id")).hasValue("us");
    }

    private HttpRequest request(String path, String tenant) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Tenant-Id", tenant).build();
    }

    /** Answers from a task on Spring MVC's async executor, after the test lets it go on. */
    @RestController
    static class SlowController {

        private final TenantRegistry registry;

        SlowController(TenantRegistry registry) {
            this.registry = registry;
        }

        @GetMapping("/api/slow")
        Callable<String> slow() {
            String entered = TenantContext.require().id().value();
            return () -> {
                STARTED.countDown();
                RELEASE.await(30, TimeUnit.SECONDS);
                Tenant current = TenantContext.require();
                return "entered " + entered + ", task ran as " + current.id() + ", status now "
                        + registry.require(current.id()).status();
            };
        }
    }

    /** {@code tenantkit.web.suspended-as-unknown}: nothing tells a suspended tenant from one that does not exist. */
    @Nested
    @TestPropertySource(properties = "tenantkit.web.suspended-as-unknown=true")
    class SuspendedAsUnknown {

        @LocalServerPort
        int port;

        @Test
        void suspendedAndUnknownTenantsGetTheSameStatusAndBody() throws Exception {
            RawHttp.Response suspended = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: closed");
            RawHttp.Response unknown = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: fr");

            assertThat(suspended.status()).isEqualTo(404).isEqualTo(unknown.status());
            assertThat(suspended.body().replace("'closed'", "'ID'")).isEqualTo(unknown.body().replace("'fr'", "'ID'"));
            assertThat(suspended.body()).contains("https://tenantkit.io/problems/unknown-tenant");
            assertThat(suspended.headers().keySet()).isEqualTo(unknown.headers().keySet());
        }
    }
}
