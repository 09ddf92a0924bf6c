package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The web entry over real HTTP: header and host resolution, every rejection with its status and
 * problem body, hostile header values, excluded and optional paths, and a clean thread afterwards.
 * Tomcat runs one worker thread, so consecutive requests are served by the same pooled thread.
 */
@ActiveProfiles("webtest")
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1"})
class TenantWebFilterHttpTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void headerSelectsTheTenantAndItsView() throws Exception {
        HttpResponse<String> response = get("/api/whoami", "X-Tenant-Id", "jp");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Tenant-Id")).hasValue("jp");
        assertThat(response.body()).contains("\"tenant\":\"jp\"", "\"mdc\":\"jp\"", "\"locale\":\"ja-JP\"",
                "\"zone\":\"Asia/Tokyo\"", "1,235", "\"greeting\":\"こんにちは\"", "\"region\":\"APAC\"");
    }

    @Test
    void eachTenantGetsItsOwnLocaleCurrencyAndMessages() throws Exception {
        HttpResponse<String> de = get("/api/whoami", "X-Tenant-Id", "de");
        HttpResponse<String> us = get("/api/whoami", "X-Tenant-Id", "us");

        assertThat(de.body()).contains("\"tenant\":\"de\"", "\"locale\":\"de-DE\"", "\"zone\":\"Europe/Berlin\"",
                "1.234,50", "€", "\"greeting\":\"Hello\"", "\"region\":\"Global\"");
        assertThat(us.body()).contains("\"tenant\":\"us\"", "\"locale\":\"en-US\"", "\"money\":\"$1,234.50\"");
    }

    @Test
    void subdomainOfTheBaseDomainSelectsTheTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "Host: us.shop.example");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"us\"");
        assertThat(response.header("X-Tenant-Id")).isEqualTo("us");
    }

    @Test
    void explicitHostMapSelectsTheTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "Host: WWW.Example.DE:8443");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"de\"");
    }

    @Test
    void nestedSubdomainNamesNoTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "Host: a.jp.shop.example");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("missing-tenant");
    }

    /** Regression: the header won and the host was never compared, so a request naming two tenants was served. */
    @Test
    void headerAndHostNamingDifferentTenantsAreA403() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "Host: us.shop.example", "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/tenant-mismatch\"",
                "The request names different tenants in header X-Tenant-Id and host name.");
    }

    @Test
    void headerAndHostNamingTheSameTenantAreServed() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "Host: jp.shop.example", "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"jp\"");
    }

    @Test
    void aMalformedIdFromTheSecondSourceIsA400NotAMismatch() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "Host: j%p.shop.example", "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void unknownSubdomainIsAnUnknownTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "Host: fr.shop.example");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/unknown-tenant\"",
                "No tenant 'fr' is served here (from host name).");
    }

    @Test
    void unknownTenantIsRejectedWith404Problem() throws Exception {
        HttpResponse<String> response = get("/api/whoami", "X-Tenant-Id", "fr");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Tenant-Id")).isEmpty();
        assertThat(response.body()).isEqualTo("{\"type\":\"https://tenantkit.io/problems/unknown-tenant\","
                + "\"title\":\"Unknown tenant\",\"status\":404,"
                + "\"detail\":\"No tenant 'fr' is served here (from header X-Tenant-Id).\"}");
    }

    @Test
    void inactiveRegionIsTreatedAsUnknown() throws Exception {
        HttpResponse<String> response = get("/api/whoami", "X-Tenant-Id", "apac");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("https://tenantkit.io/problems/unknown-tenant", "No tenant 'apac'");
    }

    @Test
    void suspendedTenantIsRejectedWith403Problem() throws Exception {
        HttpResponse<String> response = get("/api/whoami", "X-Tenant-Id", "closed");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"type\":\"https://tenantkit.io/problems/suspended-tenant\","
                + "\"title\":\"Tenant suspended\",\"status\":403,"
                + "\"detail\":\"Tenant 'closed' is suspended; its requests are refused.\"}");
    }

    @Test
    void requiredPathWithoutTenantIsRejectedWith400Problem() throws Exception {
        HttpResponse<String> response = get("/api/whoami");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"type\":\"https://tenantkit.io/problems/missing-tenant\","
                + "\"title\":\"Tenant required\",\"status\":400,\"detail\":\"This path requires a tenant, and the request "
                + "names none. Name it in: header X-Tenant-Id, host name, authenticated principal.\"}");
    }

    @Test
    void malformedTenantIdIsRejectedWith400Problem() throws Exception {
        HttpResponse<String> response = get("/api/whoami", "X-Tenant-Id", "JP");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"type\":\"https://tenantkit.io/problems/invalid-tenant-id\","
                + "\"title\":\"Invalid tenant id\",\"status\":400,\"detail\":\"The tenant from header X-Tenant-Id is invalid: "
                + "Invalid tenant id \\u0022JP\\u0022: it starts with 'J'.");
    }

    @Test
    void headerSentTwiceIsRejectedWith400Problem() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: jp", "X-Tenant-Id: us");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("invalid-tenant-id", "the header X-Tenant-Id is sent more than once");
    }

    static Stream<Arguments> hostileHeaderValues() {
        return Stream.of(
                Arguments.of("traversal", "../etc"),
                Arguments.of("traversal to passwd", "../../etc/passwd"),
                Arguments.of("percent-encoded CR/LF as text", "jp%0d%0aX-Injected: 1"),
                Arguments.of("full-width look-alike", "ｊｐ"),
                Arguments.of("cyrillic look-alike", "јр"),
                Arguments.of("overlong", "j".repeat(200)),
                Arguments.of("empty", ""),
                Arguments.of("markup", "<script>alert(1)</script>"),
                Arguments.of("list", "jp,us"),
                Arguments.of("quote and backslash", "jp\"\\"),
                Arguments.of("upper case", "JP"),
                Arguments.of("backslash-u escape as text", "jp\\u0000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHeaderValues")
    void hostileHeaderValueGetsA400ProblemAndNothingElse(String label, String value) throws IOException {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: " + value);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/invalid-tenant-id\"")
                .doesNotContain("\r", "\n", "<", ">");
        assertThat(response.body().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(response.headers()).doesNotContainKeys("x-injected", "x-tenant-id");
    }

    static Stream<Arguments> hostileHeaderBytes() {
        return Stream.of(
                Arguments.of("TAB inside", bytes('j', '\t', 'p')),
                Arguments.of("NUL", bytes('j', 'p', 0x00)),
                Arguments.of("NUL then a forged header", bytes('j', 'p', 0x00, 'X', '-', 'I', 'n', 'j', 'e', 'c', 't', 'e', 'd', ':', ' ', '1')),
                Arguments.of("DEL", bytes('j', 'p', 0x7f)),
                Arguments.of("bare CR", bytes('j', 'p', '\r', 'X', '-', 'I', 'n', 'j', 'e', 'c', 't', 'e', 'd', ':', ' ', '1')),
                Arguments.of("other control character", bytes('j', 0x1b, 'p')),
                Arguments.of("Latin-1 byte", bytes('j', 'p', 0xe9)),
                Arguments.of("0xff", bytes(0xff, 'j', 'p')),
                Arguments.of("UTF-8 look-alike", "ｊｐ".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("broken UTF-8", bytes('j', 'p', 0xc3)),
                Arguments.of("0x80", bytes(0x80)));
    }

    /**
     * Raw bytes no HTTP client library sends: either Tomcat refuses the request line or header itself
     * (its own 400) or the value reaches the filter and gets our 400 problem. Never a 5xx, never served.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileHeaderBytes")
    void hostileHeaderBytesGetA400AndNothingElse(String label, byte[] value) throws IOException {
        RawHttp.Response response = RawHttp.getWithHeaderBytes(port, "/api/whoami", "X-Tenant-Id", value);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).doesNotContainKeys("x-injected", "x-tenant-id");
        if (String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
            assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/invalid-tenant-id\"");
            assertThat(response.body().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void excludedPathIsNotTouchedEvenWithATenant() throws Exception {
        HttpResponse<String> response = get("/ping", "X-Tenant-Id", "jp");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"none\"", "\"mdc\":\"none\"");
        assertThat(response.headers().firstValue("X-Tenant-Id")).isEmpty();
    }

    @Test
    void excludedPathIgnoresEvenAHostileHeader() throws Exception {
        HttpResponse<String> response = get("/ping", "X-Tenant-Id", "../etc");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    static Stream<Arguments> nonNormalizedPaths() {
        return Stream.of(
                Arguments.of("/ping/../api/whoami"),
                Arguments.of("/api/whoami/../../ping"),
                Arguments.of("/api/x/../../ping"),
                Arguments.of("/./api/whoami"),
                Arguments.of("/api/whoami/."),
                Arguments.of("/ping/.."),
                Arguments.of("//api/whoami"),
                Arguments.of("/api//whoami"),
                Arguments.of("/api;jsessionid=1/whoami"),
                Arguments.of("/ping;x/../api/whoami"),
                Arguments.of("/api/%2e%2e/ping"),
                Arguments.of("/api/%2E/whoami"),
                Arguments.of("/api/.%2e/ping"),
                Arguments.of("/api/%252e%252e/ping"),
                Arguments.of("/api%3bx/whoami"),
                Arguments.of("/api%2fwhoami"),
                Arguments.of("/api%5cwhoami"),
                Arguments.of("/api\\whoami"),
                Arguments.of("/api/whoami%00"));
    }

    /**
     * The raw path Spring MVC matches and the normalised path the container maps could differ: refused
     * before anything is classified, with or without a tenant. Where Tomcat refuses the bytes itself (an
     * encoded slash or backslash), its own 400 answers; never a 2xx, 404 or 5xx.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nonNormalizedPaths")
    void nonNormalizedRawPathIsA400Problem(String path) throws IOException {
        for (String[] headers : new String[][] {{}, {"X-Tenant-Id: jp"}}) {
            RawHttp.Response response = RawHttp.get(port, path, headers);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("\"tenant\":");
            if (String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
                assertThat(response.body()).startsWith("{\"type\":\"https://tenantkit.io/problems/non-normalized-path\","
                        + "\"title\":\"Path not normalized\",\"status\":400,\"detail\":\"The request path is not normalized: it contains ");
                assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            }
        }
    }

    @Test
    void dotsInsideASegmentAreNotADotSegment() throws Exception {
        assertThat(RawHttp.get(port, "/api/whoami/..x", "X-Tenant-Id: jp").status()).isEqualTo(404);
        assertThat(RawHttp.get(port, "/api/...", "X-Tenant-Id: jp").status()).isEqualTo(404);
    }

    @Test
    void everyResponseOfAFilteredPathVariesOnTheTenantHeader() throws Exception {
        RawHttp.Response served = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: jp");
        RawHttp.Response refused = RawHttp.get(port, "/api/whoami", "X-Tenant-Id: fr");
        RawHttp.Response optional = RawHttp.get(port, "/public/whoami");

        assertThat(served.header("Vary")).contains("X-Tenant-Id");
        assertThat(served.header("Cache-Control")).isNull();
        assertThat(refused.header("Vary")).contains("X-Tenant-Id");
        assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
        assertThat(optional.header("Vary")).contains("X-Tenant-Id");
    }

    @Test
    void theTenantHeaderIsMergedWithTheVaryOfCors() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/cors", "X-Tenant-Id: jp", "Origin: https://jp.shop.example");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("vary")).isNotNull();
        assertThat(String.join(",", response.headers().get("vary"))).contains("X-Tenant-Id", "Origin");
    }

    @Test
    void excludedPathsSayNothingAboutTheTenantHeader() throws Exception {
        assertThat(RawHttp.get(port, "/ping", "X-Tenant-Id: jp").header("Vary")).isNull();
    }

    /** Regression: a forward from an excluded path into a tenant-required handler ran without a tenant. */
    @Test
    void forwardFromAnExcludedPathIntoARequiredOneResolvesTheTenant() throws Exception {
        RawHttp.Response without = RawHttp.get(port, "/legacy/forward");
        RawHttp.Response with = RawHttp.get(port, "/legacy/forward", "X-Tenant-Id: jp");

        assertThat(without.status()).isEqualTo(400);
        assertThat(without.body()).contains("missing-tenant").doesNotContain("\"tenant\":");
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.body()).contains("\"tenant\":\"jp\"", "\"mdc\":\"jp\"");
    }

    @Test
    void includeFromAnExcludedPathIntoARequiredOneResolvesTheTenant() throws Exception {
        RawHttp.Response without = RawHttp.get(port, "/legacy/include");
        RawHttp.Response with = RawHttp.get(port, "/legacy/include", "X-Tenant-Id: jp");

        assertThat(without.body()).contains("missing-tenant").doesNotContain("\"tenant\":");
        assertThat(with.body()).contains("\"tenant\":\"jp\"");
    }

    @Test
    void forwardWithinARequestKeepsItsTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/forward", "X-Tenant-Id: us");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"us\"");
    }

    @Test
    void corsPreflightIsNotAskedForATenant() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/whoami"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://jp.shop.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).doesNotContain("tenantkit.io/problems");
        assertThat(response.statusCode()).isNotEqualTo(400);
    }

    @Test
    void optionalPathServesWithoutTenant() throws Exception {
        HttpResponse<String> response = get("/public/whoami");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"none\"", "\"greeting\":\"Hello\"");
    }

    @Test
    void optionalPathStillResolvesAndValidatesANamedTenant() throws Exception {
        assertThat(get("/public/whoami", "X-Tenant-Id", "jp").body()).contains("\"tenant\":\"jp\"");
        assertThat(get("/public/whoami", "X-Tenant-Id", "fr").statusCode()).isEqualTo(404);
    }

    /** Regression: Spring Boot's error controller answered a direct request carrying a valid tenant with 500. */
    @Test
    void directRequestToTheErrorPathIsA404NeverA500() throws Exception {
        HttpResponse<String> withTenant = get("/error", "X-Tenant-Id", "jp", "Accept", "application/json");
        HttpResponse<String> withoutTenant = get("/error", "Accept", "application/json");

        assertThat(withTenant.statusCode()).isEqualTo(404);
        assertThat(withTenant.body()).contains("\"status\":404", "\"error\":\"Not Found\"");
        assertThat(withoutTenant.statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingRequestStillGetsTheErrorPageThroughTheErrorDispatch() throws Exception {
        HttpResponse<String> response = get("/api/boom", "X-Tenant-Id", "jp", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"status\":500", "\"path\":\"/api/boom\"");
    }

    @Test
    void pooledThreadHoldsNoTenantAfterARequest() throws Exception {
        assertThat(get("/api/whoami", "X-Tenant-Id", "jp").body()).contains("\"tenant\":\"jp\"");

        HttpResponse<String> next = get("/public/whoami");

        assertThat(next.body()).contains("\"tenant\":\"none\"", "\"mdc\":\"none\"");
    }

    @Test
    void pooledThreadHoldsNoTenantAfterAFailingRequest() throws Exception {
        assertThat(get("/api/boom", "X-Tenant-Id", "jp").statusCode()).isEqualTo(500);

        HttpResponse<String> next = get("/public/whoami");

        assertThat(next.body()).contains("\"tenant\":\"none\"", "\"mdc\":\"none\"");
    }

    @Test
    void pooledThreadHoldsNoTenantAfterARejectedRequest() throws Exception {
        assertThat(get("/api/whoami", "X-Tenant-Id", "closed").statusCode()).isEqualTo(403);

        assertThat(get("/public/whoami").body()).contains("\"tenant\":\"none\"");
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
