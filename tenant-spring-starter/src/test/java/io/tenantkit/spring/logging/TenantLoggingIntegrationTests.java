package io.tenantkit.spring.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.tenantkit.context.TenantContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tenant log streams in a running application, over real HTTP on a random port, with real Logback writing
 * real files in a temporary folder: lines in the right tenant file from every thread the tenant reaches,
 * hostile tenant values, per-tenant DEBUG through the {@code tenantloggers} endpoint, the error counter and
 * the tenant in the console pattern.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = LoggingTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tenantkit.logging.files.enabled=true", "tenantkit.logging.levels.us.io.example.orders=DEBUG",
            "management.endpoints.web.exposure.include=tenantloggers,metrics", "spring.task.execution.pool.core-size=1"})
class TenantLoggingIntegrationTests {

    /** Boot's correlation id after the tenant ("[trace-span] "): Micrometer Tracing is on the test class path. */
    private static final String CORRELATION = "(\\[[0-9a-f -]*\\] )?";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void tenantFolder(DynamicPropertyRegistry registry) {
        registry.add("tenantkit.logging.files.dir", () -> dir.resolve("tenants").toString());
    }

    @AfterEach
    void removeOverrides() throws Exception {
        post("/actuator/tenantloggers/jp/io.example.orders", "{\"configuredLevel\":null}");
    }

    @Test
    void linesLandInTheTenantFileFromRequestAsyncPoolAndScheduledThreads() throws Exception {
        int before = lines("jp").size();

        assertThat(get("/api/orders", "jp").statusCode()).isEqualTo(200);

        await().untilAsserted(() -> assertThat(lines("jp").subList(before, lines("jp").size()))
                .allMatch(line -> line.matches(".* \\[jp\\] " + CORRELATION + "io\\.example\\.orders\\.OrderService +: .*")).extracting(line -> line.substring(line.indexOf(" : ") + 3))
                .containsExactlyInAnyOrder("request line", "async line", "pool line"));
        assertThat(lines("jp")).anyMatch(line -> line.contains("[scheduling-1] [jp] ") && line.endsWith("scheduled line"));
        assertThat(lines("us")).anyMatch(line -> line.contains("[scheduling-1] [us] ") && line.endsWith("scheduled line"));
        assertThat(lines("jp")).noneMatch(line -> line.contains("[us] "));
    }

    @Test
    void startupLevelsApplyToTheirTenantOnly() throws Exception {
        int usBefore = debugLines("us").size();
        int jpBefore = debugLines("jp").size();

        get("/api/orders", "us");
        get("/api/orders", "jp");

        await().untilAsserted(() -> assertThat(debugLines("us")).hasSize(usBefore + 1));
        assertThat(debugLines("jp")).hasSize(jpBefore);
    }

    @Test
    void debugTurnedOnForOneTenantThroughTheEndpointStopsAtExpiryAndOnRemoval() throws Exception {
        int debugBefore = debugLines("jp").size();
        int linesBefore = requestLines("jp");
        HttpResponse<String> set = post("/actuator/tenantloggers/jp/io.example.orders",
                "{\"configuredLevel\":\"DEBUG\",\"expiresAfter\":\"PT30M\"}");
        assertThat(set.statusCode()).isEqualTo(204);
        assertThat(get("/actuator/tenantloggers/jp", null).body()).isEqualTo("{\"levels\":[\"OFF\",\"ERROR\",\"WARN\","
                + "\"INFO\",\"DEBUG\",\"TRACE\"],\"loggers\":{\"io.example.orders\":{\"configuredLevel\":\"DEBUG\","
                + "\"effectiveLevel\":\"DEBUG\",\"expiresAt\":\"" + LoggingTestApp.CLOCK.instant().plus(Duration.ofMinutes(30))
                + "\"}}}");
        assertThat(get("/actuator/tenantloggers", null).body()).contains("\"tenants\":{\"jp\":{\"io.example.orders\"",
                "\"us\":{\"io.example.orders\":{\"configuredLevel\":\"DEBUG\"");
        assertThat(get("/actuator/tenantloggers/jp/io.example.orders.OrderService", null).body())
                .contains("\"configuredLevel\":null,\"effectiveLevel\":\"DEBUG\"");

        get("/api/orders", "jp");
        await().untilAsserted(() -> assertThat(debugLines("jp")).hasSize(debugBefore + 1));

        LoggingTestApp.CLOCK.advance(Duration.ofMinutes(30));
        get("/api/orders", "jp");
        post("/actuator/tenantloggers/jp/io.example.orders", "{\"configuredLevel\":\"DEBUG\"}");
        get("/api/orders", "jp");
        post("/actuator/tenantloggers/jp/io.example.orders", "{\"configuredLevel\":null}");
        get("/api/orders", "jp");

        await().untilAsserted(() -> assertThat(requestLines("jp")).isEqualTo(linesBefore + 4));
        assertThat(debugLines("jp")).hasSize(debugBefore + 2);
        assertThat(get("/actuator/tenantloggers/jp", null).body()).contains("\"loggers\":{}");
    }

    @Test
    void unknownTenantsAndInvalidLevelsAre400Problems() throws Exception {
        HttpResponse<String> unknown = post("/actuator/tenantloggers/fr/io.example", "{\"configuredLevel\":\"DEBUG\"}");
        HttpResponse<String> level = post("/actuator/tenantloggers/jp/io.example", "{\"configuredLevel\":\"LOUD\"}");
        HttpResponse<String> expiry = post("/actuator/tenantloggers/jp/io.example",
                "{\"configuredLevel\":\"DEBUG\",\"expiresAfter\":\"30 minutes\"}");
        HttpResponse<String> read = get("/actuator/tenantloggers/fr", null);

        for (HttpResponse<String> response : List.of(unknown, level, expiry, read)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).startsWith("{\"type\":\"https://tenantkit.io/problems/invalid-tenant-logger\","
                    + "\"title\":\"Invalid tenant logger request\",\"status\":400,\"detail\":");
        }
        assertThat(unknown.body()).contains("Unknown tenant 'fr'");
        assertThat(level.body()).contains("Invalid level \\\"LOUD\\\" for logger \\\"io.example\\\" of tenant 'jp'");
        assertThat(expiry.body()).contains("use an ISO-8601 duration such as PT30M");
        assertThat(get("/actuator/tenantloggers", null).body()).doesNotContain("\"fr\"", "io.example\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tenantkit.spring.web.TenantWebFilterHttpTests#hostileHeaderValues")
    void hostileTenantValuesNeverCreateAFile(String label, String value) throws Exception {
        assertThat(rawGet("/api/orders", value)).startsWith("HTTP/1.1 400");
        MDC.put(TenantContext.MDC_KEY, value);
        try {
            LoggingTestApp.log.info("hostile MDC value");
        } finally {
            MDC.remove(TenantContext.MDC_KEY);
        }
        get("/api/orders", "jp");

        await().untilAsserted(() -> assertThat(lines("jp")).anyMatch(line -> line.endsWith("pool line")));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(dir::relativize).map(Path::toString))
                    .allMatch(file -> file.matches("tenants/(jp|us|closed)\\.log"));
        }
    }

    @Test
    void errorsAreCountedByTenant() throws Exception {
        double before = errors("jp");

        get("/api/fail", "jp");
        get("/api/fail", "jp");

        assertThat(errors("jp") - before).isEqualTo(2.0);
        assertThat(meters.find(TenantLogMetrics.OPEN).gauge()).isNotNull();
        assertThat(meters.find(TenantLogMetrics.DROPPED).functionCounter()).isNotNull();
    }

    @Test
    void theConsoleShowsTheTenantBeforeTheLoggerName(CapturedOutput output) throws Exception {
        get("/api/fail", "us");

        // Regression: "%esb(%X{tenant})" right before "%clr(" made Logback print the rest of the pattern literally.
        assertThat(output.getOut()).containsPattern("\\[us\\] " + CORRELATION + "io\\.example\\.orders\\.OrderService +: payment failed");
    }

    private double errors(String tenant) {
        var counter = meters.find(TenantLogMetrics.EVENTS).tags("tenant", tenant, "level", "error").counter();
        return counter == null ? 0 : counter.count();
    }

    private List<String> lines(String tenant) throws IOException {
        Path file = dir.resolve("tenants").resolve(tenant + ".log");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private int requestLines(String tenant) throws IOException {
        return (int) lines(tenant).stream().filter(line -> line.endsWith("request line")).count();
    }

    private List<String> debugLines(String tenant) throws IOException {
        return lines(tenant).stream().filter(line -> line.endsWith("request debug line")).toList();
    }

    private HttpResponse<String> get(String path, String tenant) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (tenant != null) {
            request.header("X-Tenant-Id", tenant);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the tenant header sent byte for byte (UTF-8), which HTTP client libraries refuse to do. */
    private String rawGet(String path, String tenant) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Tenant-Id: " + tenant
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
