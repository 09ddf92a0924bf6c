package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import io.tenantkit.spring.web.TenantEntryPolicy.Mode;

import org.junit.jupiter.api.Test;

class TenantEntryPolicyTests {

    private final TenantEntryPolicy policy = new TenantEntryPolicy(List.of("/actuator/**", "/ping"), List.of("/public/**"),
            404, 403, "X-Tenant-Id");

    @Test
    void excludedOptionalAndEverythingElseRequired() {
        assertThat(policy.modeOf("/actuator/health")).isEqualTo(Mode.EXCLUDED);
        assertThat(policy.modeOf("/ping")).isEqualTo(Mode.EXCLUDED);
        assertThat(policy.modeOf("/public/home")).isEqualTo(Mode.OPTIONAL);
        assertThat(policy.modeOf("/api/site")).isEqualTo(Mode.REQUIRED);
        assertThat(policy.modeOf("/")).isEqualTo(Mode.REQUIRED);
        assertThat(policy.modeOf("/pingx")).isEqualTo(Mode.REQUIRED);
    }

    @Test
    void theErrorPathIsItsOwnModeUnlessExcluded() {
        TenantEntryPolicy withErrorPath = new TenantEntryPolicy(List.of("/actuator/**"), List.of("/**"), 404, 403, null, "/error");
        TenantEntryPolicy errorExcluded = new TenantEntryPolicy(List.of("/error"), List.of(), 404, 403, null, "/error");

        assertThat(withErrorPath.modeOf("/error")).isEqualTo(Mode.ERROR);
        assertThat(withErrorPath.modeOf("/error/x")).isEqualTo(Mode.OPTIONAL);
        assertThat(withErrorPath.errorPath()).isEqualTo("/error");
        assertThat(errorExcluded.modeOf("/error")).isEqualTo(Mode.EXCLUDED);
        assertThat(policy.modeOf("/error")).isEqualTo(Mode.REQUIRED);
        assertThat(policy.errorPath()).isNull();
    }

    @Test
    void decodedPercentSignsAreNotDecodedTwice() {
        assertThat(policy.modeOf("/ping%2Fx")).isEqualTo(Mode.REQUIRED);
        assertThat(policy.modeOf("/actuator%2F..%2Fapi")).isEqualTo(Mode.REQUIRED);
    }

    @Test
    void onlyDocumentedStatusesAreAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantEntryPolicy(List.of(), List.of(), 410, 403, null))
                .withMessage("The status for an unknown tenant must be 404 or 400, not 410.");
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantEntryPolicy(List.of(), List.of(), 404, 401, null))
                .withMessage("The status for a suspended tenant must be 403 or 423, not 401.");
    }

    @Test
    void invalidPatternIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantEntryPolicy(List.of("/api/**/x"), List.of(), 404, 403, null))
                .withMessageStartingWith("Invalid path pattern '/api/**/x'");
    }

    @Test
    void responseHeaderMustBeAToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantEntryPolicy(List.of(), List.of(), 404, 403, "X\r\nY"))
                .withMessageContaining("must be an HTTP token");
    }
}
