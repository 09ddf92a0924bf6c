package io.tenantkit.spring.testapp;

import io.tenantkit.context.TenantContext;

import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.core.env.Environment;

/** Endpoints the integration tests call over real HTTP. */
@RestController
class ProbeController {

    private final AsyncProbe asyncProbe;
    private final RestClient.Builder restClients;
    private final Environment environment;

    ProbeController(AsyncProbe asyncProbe, RestClient.Builder restClients, Environment environment) {
        this.asyncProbe = asyncProbe;
        this.restClients = restClients;
        this.environment = environment;
    }

    /** Runs the {@code @Async} probe from the request thread and returns what it saw. */
    @GetMapping("/async")
    AsyncProbe.Seen async() {
        MDC.put("requestId", "req-42");
        try {
            return asyncProbe.probe().join();
        } finally {
            MDC.remove("requestId");
        }
    }

    /** The current tenant, or "none"; two paths, so that tests can keep their meters apart. */
    @GetMapping({"/tenant", "/site"})
    String tenant() {
        return TenantContext.current().map(t -> t.id().value()).orElse("none");
    }

    /** The second endpoint: echoes the tenant header it received, or "absent". */
    @GetMapping("/echo")
    String echo(@RequestHeader(name = "X-Tenant-Id", required = false) String tenant) {
        return tenant == null ? "absent" : tenant;
    }

    /** Calls {@code /echo} with the auto-configured RestClient from the request's thread. */
    @GetMapping("/call")
    String call() {
        return restClients.baseUrl("http://localhost:" + environment.getProperty("local.server.port")).build().get().uri("/echo").retrieve()
                .body(String.class);
    }
}
