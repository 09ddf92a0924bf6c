package io.tenantkit.spring.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tenantkit.extension.Extension;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 9, item 8, over real HTTP: tenants are added, suspended and removed while clients call an
 * endpoint that asks an extension point. A request for a tenant the filter admitted never meets the
 * window in which the tenant registry knew a tenant the extension tables did not (it was a 500).
 */
@SpringBootTest(classes = TenantChurnHttpTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tenantkit.web.excluded-paths=/ping")
class TenantChurnHttpTests {

    private static final int CHANGES = 60;
    private static final int CLIENTS = 3;

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry tenants;

    @Test
    void noRequestGetsA5xxWhileTenantsAreAddedSuspendedAndRemoved() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong served = new AtomicLong();
        Queue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(c);
                clients.add(pool.submit(() -> {
                    while (!stop.get()) {
                        List<Tenant> all = tenants.snapshot().all();
                        String id = all.get(all.size() - 1 - random.nextInt(Math.min(3, all.size()))).id().value();
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/carrier"))
                                .header("X-Tenant-Id", id).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 500) {
                            failures.add(id + ": " + response.statusCode() + " " + response.body());
                        } else if (response.statusCode() == 200) {
                            served.incrementAndGet();
                        } else {
                            refused.add(id + ": " + response.statusCode() + " " + response.body());
                        }
                        requests.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<?> churn = pool.submit(() -> {
                for (int i = 1; i <= CHANGES; i++) {
                    int n = i;
                    tenants.update(s -> next(s, n));
                    long seen = requests.get();
                    while (requests.get() < seen + CLIENTS && !stop.get()) {
                        Thread.onSpinWait();
                    }
                }
            });
            churn.get(120, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<?> c : clients) {
                c.get(30, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
        assertThat(served.get()).as("requests served; some refused: %s", refused.stream().limit(3).toList()).isPositive();
    }

    /** Adds site n, suspends n-1, removes n-2; the newest sites are the ones clients ask for most. */
    private static TenantSnapshot next(TenantSnapshot current, int n) {
        TenantSnapshot next = current.with(Tenant.builder("n" + n).build());
        Tenant previous = next.findOrNull(TenantId.of("n" + (n - 1)));
        if (previous != null) {
            next = next.with(previous.toBuilder().status(TenantStatus.SUSPENDED).build());
        }
        return next.without(TenantId.of("n" + (n - 2)));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
    @Import(CarrierController.class)
    static class App {

        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build(), Tenant.builder("us").build());
        }

        @Bean
        StandardShipping standardShipping() {
            return new StandardShipping();
        }

        @Bean
        JpShipping jpShipping() {
            return new JpShipping();
        }
    }

    @RestController
    static class CarrierController {

        private final ShippingPolicy shipping;

        CarrierController(ShippingPolicy shipping) {
            this.shipping = shipping;
        }

        @GetMapping("/api/carrier")
        String carrier() {
            return shipping.carrier();
        }
    }

    @Extension(tenants = "jp")
    static class JpShipping implements ShippingPolicy {
        @Override
        public String carrier() {
            return "yamato";
        }
    }
}
