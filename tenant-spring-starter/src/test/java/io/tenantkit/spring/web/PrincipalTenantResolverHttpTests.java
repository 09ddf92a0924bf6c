package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

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

    @Test
    void principalWithTwoTenantsIsRefused() throws Exception {
        HttpResponse<String> alone = get("mallory", null);
        HttpResponse<String> withHeader = get("mallory", "jp");

        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(alone.body()).contains("invalid-tenant-id", "the authenticated principal names more than one tenant");
        assertThat(withHeader.statusCode()).isEqualTo(403);
        assertThat(withHeader.body()).contains("tenant-mismatch");
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
