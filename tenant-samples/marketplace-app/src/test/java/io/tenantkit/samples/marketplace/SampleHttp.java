package io.tenantkit.samples.marketplace;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Real HTTP calls to the running sample, as the README's curl commands make them. */
final class SampleHttp {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private final RestClient client;

    SampleHttp(int port) {
        this.client = RestClient.create("http://localhost:" + port);
    }

    Response get(String path, @Nullable String tenant) {
        return client.get().uri(path).headers(headers(tenant)).exchange((request, response) -> new Response(
                response.getStatusCode().value(), response.getHeaders().getContentType(),
                new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    Response post(String path, @Nullable String tenant, String json) {
        return client.post().uri(path).headers(headers(tenant)).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> new Response(response.getStatusCode().value(),
                        response.getHeaders().getContentType(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    /** Applies as a merchant on {@code tenant}'s site with {@code documents} (a JSON array) and answers its id. */
    long merchant(String tenant, String name, String documents) {
        Response response = post("/api/merchants", tenant, "{\"name\":\"" + name + "\",\"documents\":" + documents + "}");
        if (response.status() != 201) {
            throw new AssertionError("onboarding failed: " + response);
        }
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new AssertionError("no id in " + response.body());
        }
        return Long.parseLong(id.group(1));
    }

    /** The tenant header as sent, unchecked, so that tests can send malformed ids too. */
    private static Consumer<HttpHeaders> headers(@Nullable String tenant) {
        return headers -> {
            if (tenant != null) {
                headers.set("X-Tenant-Id", tenant);
            }
        };
    }

    /** What a request got back. */
    record Response(int status, @Nullable MediaType contentType, String body) {

        boolean isProblem() {
            return contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
