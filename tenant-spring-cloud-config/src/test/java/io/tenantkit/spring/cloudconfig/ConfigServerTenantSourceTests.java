package io.tenantkit.spring.cloudconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpServer;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantFile;
import io.tenantkit.tenant.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The source against a plain HTTP server on a random port that answers as a config server would (or would not):
 * what is asked for, with which headers, and what each kind of answer becomes.
 */
class ConfigServerTenantSourceTests {

    static final TenantId JP = TenantId.of("jp");
    static final TenantId US = TenantId.of("us");

    static final String SHARED = """
            {"name":"tenants","profiles":["TenantKitShared"],"propertySources":[
              {"name":"file:/cfg/application.yml","source":{"marketplace.fees.rate":"0.3"}}]}
            """;

    HttpServer server;
    /** Path to status and body; an unknown path answers 404. */
    final Map<String, String[]> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> ignored = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Accept"));
            String[] answer = answers.getOrDefault(path, new String[] {"404", "{}"});
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    ConfigServerTenantSource source(String label, String username, List<TenantId> tenants) {
        URI uri = URI.create("http://localhost:" + server.getAddress().getPort() + "/config/");
        return new ConfigServerTenantSource(new TenantConfigServerProperties(uri, "tenants", label, username, "s3cret",
                Duration.ofSeconds(30), Duration.ofSeconds(5)), () -> tenants, ignored::add);
    }

    @Test
    void asksForTheTenantAsProfileUnderTheLabelWithCredentialsAndTheOriginFormat() {
        answers.put("/config/tenants/TenantKitShared/release%28_%292026", new String[] {"200", SHARED});
        answers.put("/config/tenants/jp/release%28_%292026", new String[] {"200", """
                {"name":"tenants","profiles":["jp"],"propertySources":[
                  {"name":"file:/cfg/tenants-jp.yml","source":{
                    "marketplace.fees.rate":{"value":0.08,"origin":"file [/cfg/tenants-jp.yml] - 3:11"},
                    "tenant.status":{"value":"suspended","origin":"file [/cfg/tenants-jp.yml] - 1:15"},
                    "channels[0]":{"value":"web"}}},
                  {"name":"file:/cfg/application-jp.yml","source":{"marketplace.fees.rate":"0.5","payout":null}},
                  {"name":"file:/cfg/application.yml","source":{"marketplace.fees.rate":"0.3"}}]}
                """});

        TenantFile file = source("release/2026", "ops", List.of(JP)).read(JP);

        assertThat(requests).containsExactly(
                "/config/tenants/TenantKitShared/release%28_%292026 Basic b3BzOnMzY3JldA== application/vnd.spring-cloud.config-server.v2+json, application/json;q=0.9",
                "/config/tenants/jp/release%28_%292026 Basic b3BzOnMzY3JldA== application/vnd.spring-cloud.config-server.v2+json, application/json;q=0.9");
        assertThat(file.location()).endsWith("/config/tenants/jp/release%28_%292026");
        assertThat(file.configuration()).containsOnlyKeys("marketplace.fees.rate", "channels[0]", "payout");
        assertThat(file.configuration().get("marketplace.fees.rate").value()).isEqualTo("0.08");
        assertThat(file.configuration().get("marketplace.fees.rate").origin()).hasToString("operator 'jp' configserver:file:/cfg/tenants-jp.yml:3");
        assertThat(file.configuration().get("channels[0]").origin()).hasToString("operator 'jp' configserver:file:/cfg/tenants-jp.yml");
        assertThat(file.configuration().get("payout").value()).isEmpty();
        assertThat(file.declaration()).containsOnlyKeys("status");
        assertThat(file.declaration().get("status").value()).isEqualTo("suspended");
    }

    @Test
    void aTenantWithOnlySharedPropertySourcesHasNoDocument() {
        answers.put("/config/tenants/TenantKitShared", new String[] {"200", SHARED});
        answers.put("/config/tenants/us", new String[] {"200", SHARED.replace("TenantKitShared", "us")});

        assertThat(source(null, null, List.of(US)).readAll()).isEmpty();
        assertThat(requests).allSatisfy(r -> assertThat(r).contains(" null "));
    }

    @Test
    void everyTenantWhoseDocumentCannotBeReadIsNamedAtOnce() {
        answers.put("/config/tenants/TenantKitShared", new String[] {"200", SHARED});
        answers.put("/config/tenants/jp", new String[] {"500", "{\"error\":\"boom\"}"});
        answers.put("/config/tenants/us", new String[] {"200", "<html>not json\r\nINFO forged</html>"});

        assertThatExceptionOfType(TenantConfigException.class).isThrownBy(() -> source(null, null, List.of(JP, US)).readAll())
                .satisfies(e -> assertThat(e.problems()).extracting(Object::toString).containsExactly(
                        "tenant 'jp' (operator 'jp' http://localhost:" + server.getAddress().getPort()
                                + "/config/tenants/jp): cannot be read from the config server: HTTP 500 for http://localhost:"
                                + server.getAddress().getPort() + "/config/tenants/jp",
                        "tenant 'us' (operator 'us' http://localhost:" + server.getAddress().getPort()
                                + "/config/tenants/us): cannot be read from the config server: the answer of http://localhost:"
                                + server.getAddress().getPort() + "/config/tenants/us is not JSON: Unexpected character ('<' (code 60)): "
                                + "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"))
                .withMessageNotContaining("\r\n");
    }

    @Test
    void aServerThatIsNotAConfigServerIsReportedWithThePropertiesToCheck() {
        assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> source(null, null, List.of(JP)).readAll())
                .withMessage("Cannot read the shared document http://localhost:" + server.getAddress().getPort()
                        + "/config/tenants/TenantKitShared from the config server: HTTP 404 for http://localhost:"
                        + server.getAddress().getPort() + "/config/tenants/TenantKitShared. Check tenantkit.config.server.uri, "
                        + ".application and .label, and that the server is up.");
    }

    @Test
    void credentialsInTheUriAreRejectedSoThatTheyNeverReachALog() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new ConfigServerTenantSource(
                new TenantConfigServerProperties(URI.create("http://ops:s3cret@config:8888"), "tenants", null, null, null,
                        Duration.ZERO, Duration.ofSeconds(1)), List::of, ignored::add))
                .withMessage("tenantkit.config.server.uri must not hold credentials (the URI is shown in logs and origins): "
                        + "set tenantkit.config.server.username and .password instead")
                .withMessageNotContaining("s3cret");
    }

    @Test
    void aRelativeUriIsRejectedNamingTheProperty() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new ConfigServerTenantSource(
                new TenantConfigServerProperties(URI.create("config:8888"), "tenants", null, null, null, Duration.ZERO,
                        Duration.ofSeconds(1)), List::of, ignored::add))
                .withMessage("tenantkit.config.server.uri must be an absolute URI such as http://config:8888, not config:8888");
    }
}
