package io.tenantkit.spring.logging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tenantkit.logging.TenantLevelFilter;
import io.tenantkit.propagation.TenantExecutors;
import io.tenantkit.spring.scheduling.PerTenant;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the logging integration tests start on a random port: tenants jp, us and the suspended
 * closed; an endpoint logging from the request thread, an {@code @Async} method, a propagated pool and a
 * {@code @PerTenant} scheduled job, all under the logger {@value #LOGGER}; a level filter on the test's clock.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableAsync
@EnableScheduling
@Import({LoggingTestApp.Orders.class, LoggingTestApp.AsyncOrders.class, LoggingTestApp.NightlyJob.class})
public class LoggingTestApp {

    /** The logger every line of the test application is written with. */
    static final String LOGGER = "io.example.orders";

    static final Logger log = LoggerFactory.getLogger(LOGGER + ".OrderService");

    static final TestClock CLOCK = new TestClock();

    @Bean
    TenantRegistry tenantRegistry() {
        return TenantRegistry.of(Tenant.builder("jp").build(), Tenant.builder("us").build(),
                Tenant.builder("closed").status(TenantStatus.SUSPENDED).build());
    }

    @Bean
    TenantLevelFilter tenantLevelFilter() {
        return new TenantLevelFilter(CLOCK);
    }

    @RestController
    static class Orders {

        private final AsyncOrders async;
        private final ExecutorService pool = TenantExecutors.wrap(Executors.newSingleThreadExecutor());

        Orders(AsyncOrders async) {
            this.async = async;
        }

        @GetMapping("/api/orders")
        String orders() throws Exception {
            log.info("request line");
            log.debug("request debug line");
            async.log().join();
            pool.submit(() -> log.info("pool line")).get();
            return "ok";
        }

        @GetMapping("/api/fail")
        String fail() {
            log.error("payment failed");
            return "logged";
        }
    }

    @Component
    static class AsyncOrders {

        @Async
        public CompletableFuture<Void> log() {
            log.info("async line");
            return CompletableFuture.completedFuture(null);
        }
    }

    @Component
    static class NightlyJob {

        @Scheduled(fixedDelay = 60_000)
        @PerTenant
        public void run() {
            log.info("scheduled line");
        }
    }
}
