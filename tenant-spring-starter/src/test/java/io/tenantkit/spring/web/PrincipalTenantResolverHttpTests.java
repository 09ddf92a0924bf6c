package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The principal's tenant behind a real Spring Security filter chain (HTTP Basic), over real HTTP. */
@ActiveProfiles("webtest")
@SpringBootTest(classes = SecuredWebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrincipalTenantResolverHttpTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void principalsTenantIsUsedWhenTheRequestNamesNone() throws Exception {
        HttpResponse<String> response = get("alice", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"jp\"");
        assertThat(response.headers().firstValue("X-Tenant-Id")).hasValue("jp");
    }

    @Test
    void headerAgreeingWithThePrincipalIsServed() throws Exception {
        assertThat(get("bob", "us").body()).contains("\"tenant\":\"us\"");
    }

    @Test
    void headerDisagreeingWithThePrincipalIsRejectedWith403Problem() throws Exception {
        HttpResponse<String> response = get("alice", "us");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"type\":\"https://tenantkit.io/problems/tenant-mismatch\","
                + "\"title\":\"Tenant mismatch\",\"status\":403,\"detail\":\"The request names different tenants in "
                + "header X-Tenant-Id and authenticated principal.\"}");
    }

    @Test
    void everyDisagreementIsRejected() throws Exception {
        for (String header : new String[] {"us", "de", "fr", "apac"}) {
            assertThat(get("alice", header).statusCode()).isEqualTo(403);
            assertThat(get("bob", header.equals("us") ? "jp" : header).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void principalWithoutTenantUsesTheHeader() throws Exception {
        assertThat(get("carol", "de").body()).contains("\"tenant\":\"de\"");
    }

    @Test
    void principalWithoutTenantAndNoHeaderIsMissingATenant() throws Exception {
        HttpResponse<String> response = get("carol", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("https://tenantkit.io/problems/missing-tenant");
    }

    /** Regression: with a header naming one of its tenants, such a principal got a 403 mismatch, not a 400. */
    @Test
    void principalWithTwoTenantsIsA400WhateverTheHeaderSays() throws Exception {
        HttpResponse<String> alone = get("mallory", null);
        HttpResponse<String> withHeader = get("mallory", "jp");

        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(alone.body()).contains("invalid-tenant-id", "The tenant from authenticated principal is invalid: "
                + "the authenticated principal names more than one tenant");
        assertThat(withHeader.statusCode()).isEqualTo(400);
        assertThat(withHeader.body()).contains("invalid-tenant-id", "The tenant from authenticated principal is invalid: "
                + "the authenticated principal names more than one tenant");
    }

    @Test
    void hostileHeaderIsRejectedBeforeComparingWithThePrincipal() throws Exception {
        HttpResponse<String> response = get("alice", "../jp");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid-tenant-id");
    }

    @Test
    void unauthenticatedRequestIsStoppedBySpringSecurityFirst() throws Exception {
        HttpResponse<String> response = get(null, "jp");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /**
     * The principal asked first: it wins, and the header is checked against it. A malformed header is
     * still a 400, never a 403 mismatch.
     */
    @Nested
    @TestPropertySource(properties = "tenantkit.web.resolvers=principal,header")
    class PrincipalFirst {

        @LocalServerPort
        int port;

        /** Regression: answered 403 tenant-mismatch. */
        @Test
        void malformedHeaderIsA400WhateverThePrincipalSays() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", basic("alice"), "X-Tenant-Id: ../jp");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/invalid-tenant-id\"",
                    "The tenant from header X-Tenant-Id is invalid: Invalid tenant id \\u0022../jp\\u0022: it starts with '.'");
        }

        /** Regression: answered 403 tenant-mismatch. */
        @Test
        void headerSentTwiceIsA400WhateverThePrincipalSays() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", basic("alice"), "X-Tenant-Id: jp", "X-Tenant-Id: jp");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("invalid-tenant-id",
                    "The tenant from header X-Tenant-Id is invalid: the header X-Tenant-Id is sent more than once; send it once");
        }

        @Test
        void validHeaderNamingAnotherTenantIsStillA403() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", basic("alice"), "X-Tenant-Id: us");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("The request names different tenants in authenticated principal and header X-Tenant-Id.");
        }

        @Test
        void headerAgreeingWithThePrincipalIsServed() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", basic("alice"), "X-Tenant-Id: jp");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("\"tenant\":\"jp\"");
        }

        static String basic(String user) {
            return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Regression: alice (jp) with a Host naming us and a header naming jp was served, since only the principal was compared. */
    @Test
    void anyTwoSourcesNamingDifferentTenantsAreA403EvenWhenThePrincipalAgreesWithOne() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", PrincipalFirst.basic("alice"), "Host: us.shop.example",
                "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("tenant-mismatch", "The request names different tenants in header X-Tenant-Id and host name.");
    }

    @Test
    void threeSourcesNamingTheSameTenantAreServed() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/api/whoami", PrincipalFirst.basic("alice"), "Host: jp.shop.example",
                "X-Tenant-Id: jp");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"jp\"");
    }

    /** {@code tenantkit.web.principal.required}: an authenticated principal must name a tenant (B2B). */
    @Nested
    @TestPropertySource(properties = "tenantkit.web.principal.required=true")
    class PrincipalRequired {

        @LocalServerPort
        int port;

        /** Without the setting, carol (no tenant) chooses de by header; with it, a 403. */
        @Test
        void principalWithoutTenantCannotChooseOneByHeader() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", PrincipalFirst.basic("carol"), "X-Tenant-Id: de");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            assertThat(response.body()).isEqualTo("{\"type\":\"https://tenantkit.io/problems/tenant-not-allowed\","
                    + "\"title\":\"Tenant not allowed\",\"status\":403,\"detail\":\"This path requires a tenant, and the "
                    + "authenticated principal names no tenant.\"}");
        }

        @Test
        void principalWithoutTenantCannotChooseOneByHost() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", PrincipalFirst.basic("carol"), "Host: us.shop.example");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).contains("tenant-not-allowed");
        }

        @Test
        void principalWithATenantIsServedAsBefore() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", PrincipalFirst.basic("alice"), "X-Tenant-Id: jp");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("\"tenant\":\"jp\"");
        }

        @Test
        void onAnOptionalPathSuchAPrincipalIsServedWithoutATenantWhateverTheHeaderSays() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/public/whoami", PrincipalFirst.basic("carol"), "X-Tenant-Id: de");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("\"tenant\":\"none\"");
        }
    }

    private HttpResponse<String> get(String user, String tenantHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/whoami"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
        }
        if (tenantHeader != null) {
            request.header("X-Tenant-Id", tenantHeader);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
