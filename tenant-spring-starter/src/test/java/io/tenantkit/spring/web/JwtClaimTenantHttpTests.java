package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The {@code tenant} claim of a JWT behind Spring Security's OAuth2 resource server, over real HTTP. */
@ActiveProfiles("webtest")
@SpringBootTest(classes = JwtWebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtClaimTenantHttpTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void claimSelectsTheTenant() throws Exception {
        HttpResponse<String> response = get(token("jp"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"jp\"", "\"locale\":\"ja-JP\"");
    }

    @Test
    void headerAgreeingWithTheClaimIsServed() throws Exception {
        assertThat(get(token("de"), "de").body()).contains("\"tenant\":\"de\"");
    }

    @Test
    void headerDisagreeingWithTheClaimIsA403Problem() throws Exception {
        HttpResponse<String> response = get(token("jp"), "us");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("https://tenantkit.io/problems/tenant-mismatch");
    }

    @Test
    void tokenWithoutClaimLeavesTheTenantToTheHeader() throws Exception {
        assertThat(get(token(null), "us").body()).contains("\"tenant\":\"us\"");
    }

    @Test
    void malformedClaimIsA400ProblemNeverA5xx() throws Exception {
        HttpResponse<String> response = get(token("../jp\r\n"), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid-tenant-id", "authenticated principal", "\\u005cu000d\\u005cu000a");
    }

    @Test
    void nonStringClaimIsA400Problem() throws Exception {
        HttpResponse<String> response = get(sign(new JWTClaimsSet.Builder().subject("eve").claim("tenant", 42)), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("the tenant claim of the authenticated principal is not a string");
    }

    private static String token(String tenant) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("alice");
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return sign(claims);
    }

    private static String sign(JWTClaimsSet.Builder claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                claims.expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new MACSigner(JwtWebTestApp.SECRET));
        return jwt.serialize();
    }

    private HttpResponse<String> get(String token, String tenantHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/whoami"))
                .header("Authorization", "Bearer " + token);
        if (tenantHeader != null) {
            request.header("X-Tenant-Id", tenantHeader);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
