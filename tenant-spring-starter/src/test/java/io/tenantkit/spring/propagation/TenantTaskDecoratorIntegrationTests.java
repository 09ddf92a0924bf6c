package io.tenantkit.spring.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantkit.spring.testapp.AsyncProbe;
import io.tenantkit.spring.testapp.PropagationTestApplication;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** {@code @Async} over real HTTP on a random port, with Spring Boot's real task executor (one thread). */
@SpringBootTest(classes = PropagationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantTaskDecoratorIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AsyncProbe asyncProbe;

    @Test
    void asyncMethodSeesTheRequestsTenantAndMdcAndThePooledThreadKeepsNothing() {
        RestClient http = RestClient.create("http://localhost:" + port);

        AsyncProbe.Seen underJp = http.get().uri("/async").header("X-Tenant-Id", "jp").retrieve()
                .body(AsyncProbe.Seen.class);
        AsyncProbe.Seen underUs = http.get().uri("/async").header("X-Tenant-Id", "us").retrieve()
                .body(AsyncProbe.Seen.class);
        AsyncProbe.Seen afterwards = asyncProbe.probe().join();

        assertThat(underJp).isNotNull();
        assertThat(underJp.tenant()).isEqualTo("jp");
        assertThat(underJp.mdcTenant()).isEqualTo("jp");
        assertThat(underJp.requestId()).isEqualTo("req-42");
        assertThat(underJp.userDecorator()).as("the application's own decorator ran, inside TenantKit's")
                .isEqualTo("ran-with-jp");
        assertThat(underUs).isNotNull();
        assertThat(underUs.tenant()).isEqualTo("us");
        assertThat(underUs.thread()).as("one pooled thread served both").isEqualTo(underJp.thread());
        assertThat(afterwards.thread()).isEqualTo(underJp.thread());
        assertThat(afterwards.tenant()).as("no tenant left on the pooled thread").isNull();
        assertThat(afterwards.mdcTenant()).as("no MDC tenant left on the pooled thread").isNull();
        assertThat(afterwards.requestId()).isNull();
        assertThat(afterwards.userDecorator()).isEqualTo("ran-without-tenant");
    }
}
