package io.tenantkit.spring.testapp;

import java.time.ZoneId;
import java.util.Locale;

import io.tenantkit.spring.actuate.TenantEndpointContributor;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application the propagation integration tests start on a random port: a registry of its own
 * (the starter's registry auto-configuration backs off to it), TenantKit's real web filter resolving
 * the {@code X-Tenant-Id} header or the {@code site} query parameter, and an application task
 * decorator of its own beside TenantKit's.
 */
@SpringBootConfiguration
// Spring Security is on the starter's test classpath for the web entry's principal tests; it has no
// part in propagation, so its login would only stand between these tests and their endpoints.
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableAsync
@EnableScheduling
@Import({ProbeController.class, AsyncProbe.class, ScheduledProbes.class})
@PropertySource("classpath:propagation-test.properties")
public class PropagationTestApplication {

    /** The MDC key the application's own decorator sets while a task runs. */
    public static final String USER_DECORATOR_MDC_KEY = "userDecorator";

    @Bean
    TenantRegistry tenantRegistry() {
        return new TenantRegistry(TenantSnapshot.of(
                Tenant.builder("apac").name("Asia Pacific").status(TenantStatus.INACTIVE).build(),
                Tenant.builder("jp").name("Japan").parent("apac").locale(Locale.JAPAN).currency("JPY")
                        .timeZone(ZoneId.of("Asia/Tokyo")).build(),
                Tenant.builder("us").name("United States").locale(Locale.US).currency("USD")
                        .timeZone(ZoneId.of("America/New_York")).build(),
                Tenant.builder("ru").name("Russia").status(TenantStatus.SUSPENDED).build()));
    }

    /** The application's own decorator: it must keep working beside TenantKit's, and run inside it. */
    @Bean
    TaskDecorator userTaskDecorator() {
        return task -> () -> {
            String tenantMdc = MDC.get("tenant");
            MDC.put(USER_DECORATOR_MDC_KEY, tenantMdc == null ? "ran-without-tenant" : "ran-with-" + tenantMdc);
            try {
                task.run();
            } finally {
                MDC.remove(USER_DECORATOR_MDC_KEY);
            }
        };
    }

    /** Stands for the extension helper's resolution matrix. */
    @Bean
    TenantEndpointContributor testContributor() {
        return new TenantEndpointContributor() {
            @Override
            public String name() {
                return "sample";
            }

            @Override
            public Object contribute(TenantSnapshot snapshot) {
                return java.util.Map.of("activeTenants", snapshot.active().size());
            }

            @Override
            public @Nullable Object contribute(Tenant tenant, TenantSnapshot snapshot) {
                return java.util.Map.of("lineage", snapshot.lineage(tenant.id()).stream()
                        .map(t -> t.id().value()).toList());
            }
        };
    }
}
