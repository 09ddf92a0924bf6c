package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemResponsesTests {

    @Test
    void problemCarriesStableTypeTitleAndStatus() {
        ProblemDetail problem = ProblemResponses.problem(TenantProblem.UNKNOWN_TENANT, 404, "No tenant 'fr'.");

        assertThat(ProblemResponses.toJson(problem)).isEqualTo("{\"type\":\"https://tenantkit.io/problems/unknown-tenant\","
                + "\"title\":\"Unknown tenant\",\"status\":404,\"detail\":\"No tenant 'fr'.\"}");
    }

    @Test
    void everyCharacterOutsidePrintableAsciiIsEscaped() {
        ProblemDetail problem = ProblemResponses.problem(TenantProblem.INVALID_TENANT_ID, 400,
                "quote \" backslash \\ crlf \r\n tab \t nul \0 markup <a>&amp; ｊｐ \u2028 del \u007f");

        String json = ProblemResponses.toJson(problem);

        assertThat(json).contains("\"detail\":\"quote \\u0022 backslash \\u005c crlf \\u000d\\u000a tab \\u0009 nul \\u0000 "
                + "markup \\u003ca\\u003e\\u0026amp; \\uff4a\\uff50 \\u2028 del \\u007f\"");
        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void everyProblemTypeHasAStableUri() {
        assertThat(TenantProblem.values()).extracting(p -> p.type().toString()).containsExactly(
                "https://tenantkit.io/problems/invalid-tenant-id", "https://tenantkit.io/problems/unknown-tenant",
                "https://tenantkit.io/problems/suspended-tenant", "https://tenantkit.io/problems/missing-tenant",
                "https://tenantkit.io/problems/tenant-mismatch", "https://tenantkit.io/problems/tenant-not-allowed",
                "https://tenantkit.io/problems/non-normalized-path");
    }
}
