package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import io.tenantkit.spring.web.TenantEntryPolicy.Mode;

import org.junit.jupiter.api.Test;

class TenantEntryPolicyTests {

    private final TenantEntryPolicy policy = TenantEntryPolicy.builder().excludedPaths(List.of("/actuator/**", "/ping"))
            .optionalPaths(List.of("/public/**")).responseHeader("X-Tenant-Id").build();

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
        TenantEntryPolicy withErrorPath = TenantEntryPolicy.builder().excludedPaths(List.of("/actuator/**"))
                .optionalPaths(List.of("/**")).errorPath("/error").build();
        TenantEntryPolicy errorExcluded = TenantEntryPolicy.builder().excludedPaths(List.of("/error")).errorPath("/error").build();

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
    void aPathSeenBeforeIsClassifiedTheSameFromTheCache() {
        for (int i = 0; i < 3; i++) {
            assertThat(policy.modeOf("/ping")).isEqualTo(Mode.EXCLUDED);
            assertThat(policy.modeOf("/api/site")).isEqualTo(Mode.REQUIRED);
            assertThat(policy.modeOf("/public/home")).isEqualTo(Mode.OPTIONAL);
        }
    }

    /** Thousands of distinct paths (a client scanning) share the bounded cache and are still classified right. */
    @Test
    void manyDistinctPathsAreEachClassifiedRight() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(policy.modeOf("/public/" + i)).isEqualTo(Mode.OPTIONAL);
            assertThat(policy.modeOf("/api/" + i)).isEqualTo(Mode.REQUIRED);
        }
        assertThat(policy.modeOf("/ping")).isEqualTo(Mode.EXCLUDED);
    }

    @Test
    void onlyDocumentedStatusesAreAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantEntryPolicy.builder().unknownTenantStatus(410).build())
                .withMessage("The status for an unknown tenant must be 404 or 400, not 410.");
        assertThatIllegalArgumentException().isThrownBy(() -> TenantEntryPolicy.builder().suspendedTenantStatus(401).build())
                .withMessage("The status for a suspended tenant must be 403 or 423, not 401.");
    }

    @Test
    void invalidPatternIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantEntryPolicy.builder().excludedPaths(List.of("/api/**/x")).build())
                .withMessageStartingWith("Invalid path pattern '/api/**/x'");
    }

    @Test
    void responseHeaderMustBeAToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantEntryPolicy.builder().responseHeader("X\r\nY").build())
                .withMessageContaining("must be an HTTP token");
    }
}
