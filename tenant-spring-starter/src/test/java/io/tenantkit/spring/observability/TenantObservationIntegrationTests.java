package io.tenantkit.spring.observability;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(meters.find("http.server.requests").tag("uri", "/tenant").tag("tenant", "jp").timer())
                .isNotNull();
    }

    @Test
    void requestNamingATenantTheRegistryDoesNotKnowIsTaggedUnknown() {
        get("/tenant", "zz");

        assertThat(meters.find("http.server.requests").tag("uri", "/tenant").tag("tenant", "unknown").timer())
                .isNotNull();
    }

    @Test
    void requestWithoutATenantIsTaggedNone() {
        get("/tenant", null);

        assertThat(meters.find("http.server.requests").tag("uri", "/tenant").tag("tenant", "none").timer())
                .isNotNull();
    }

    @Test
    void hostileAndUnknownTenantValuesNeverGrowTheTagBeyondTheRegistry() {
        for (int i = 0; i < 50; i++) {
            get("/tenant", "t" + i);
            get("/tenant", "../etc/passwd" + i);
        }
        get("/tenant", "ru");
        get("/tenant", "us");

        Set<String> values = meters.find("http.server.requests").meters().stream()
                .map(meter -> meter.getId().getTag("tenant")).collect(Collectors.toSet());
        assertThat(values).isSubsetOf("jp", "us", "ru", "apac", "de", "none", "unknown").contains("ru", "us");
        assertThat(meters.find("http.server.requests").meters()).allSatisfy(meter -> assertThat(tagKeys(meter))
                .contains("tenant"));
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
