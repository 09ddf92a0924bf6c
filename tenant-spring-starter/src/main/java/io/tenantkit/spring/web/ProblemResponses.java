package io.tenantkit.spring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.tenantkit.tenant.SafeText;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a {@link ProblemDetail} as {@code application/problem+json} straight to the servlet response:
 * the filter rejects requests before Spring MVC runs. Every string is escaped by {@link SafeText}
 * (everything outside printable ASCII, and {@code "\<>&}, as a {@code \}{@code uXXXX} escape, which
 * JSON reads back as the character), and no cache may store the answer ({@code Cache-Control: no-store}).
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static ProblemDetail problem(TenantProblem problem, int status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        pd.setType(problem.type());
        pd.setTitle(problem.title());
        return pd;
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = toJson(problem).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static String toJson(ProblemDetail problem) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "type", String.valueOf(problem.getType()));
        json.append(',');
        field(json, "title", problem.getTitle());
        json.append(",\"status\":").append(problem.getStatus()).append(',');
        field(json, "detail", problem.getDetail());
        Map<String, @Nullable Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach((name, value) -> {
                json.append(',');
                field(json, name, value == null ? null : value.toString());
            });
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, @Nullable String value) {
        string(json, name);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            string(json, value);
        }
    }

    private static void string(StringBuilder json, String value) {
        SafeText.escape(json.append('"'), value).append('"');
    }
}
