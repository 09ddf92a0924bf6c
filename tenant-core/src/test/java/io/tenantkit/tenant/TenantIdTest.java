package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"jp", "us", "de", "a", "0", "us-west", "eu_central", "x1-2_3"})
    void acceptsLowerCaseIdsStartingWithLetterOrDigit(String value) {
        assertThat(TenantId.of(value).value()).isEqualTo(value);
        assertThat(TenantId.isValid(value)).isTrue();
    }

    @Test
    void acceptsSixtyThreeCharactersAndNoMore() {
        String longest = "a".repeat(63);
        assertThat(TenantId.of(longest).value()).hasSize(63);
        assertThatExceptionOfType(InvalidTenantIdException.class).isThrownBy(() -> TenantId.of(longest + "a"))
                .withMessageContaining("it is 64 characters long, more than 63");
    }

    static Stream<Arguments> hostileIds() {
        return Stream.of(
                Arguments.of("", "\"\": it is empty"),
                Arguments.of("..", "\"..\": it starts with '.'"),
                Arguments.of("../etc/passwd", "\"../etc/passwd\": it starts with '.'"),
                Arguments.of("jp/../de", "\"jp/../de\": it contains '/'"),
                Arguments.of("jp\\de", "\"jp\\u005cde\": it contains U+005C"),
                Arguments.of("jp\r\nX-Injected: 1", "\"jp\\u000d\\u000aX-Injected: 1\": it contains U+000D"),
                Arguments.of("jp\n2026-01-01 INFO forged", "\"jp\\u000a2026-01-01 INFO forged\": it contains U+000A"),
                Arguments.of("jp\u0000", "\"jp\\u0000\": it contains U+0000"),
                Arguments.of("JP", "\"JP\": it starts with 'J'"),
                Arguments.of("jP", "\"jP\": it contains 'P'"),
                Arguments.of("\uff4a\uff50", "\"\\uff4a\\uff50\": it starts with U+FF4A"),
                Arguments.of("j\u0440", "\"j\\u0440\": it contains U+0440"),
                Arguments.of("-jp", "\"-jp\": it starts with '-'"),
                Arguments.of("_jp", "\"_jp\": it starts with '_'"),
                Arguments.of("jp de", "\"jp de\": it contains U+0020"),
                Arguments.of("jp.de", "\"jp.de\": it contains '.'"),
                Arguments.of("jp%2F", "\"jp%2F\": it contains '%'"),
                Arguments.of("${jndi:x}", "\"${jndi:x}\": it starts with '$'"),
                Arguments.of("a".repeat(200), "\"" + "a".repeat(80) + "\"... (200 characters): it is 200 characters long"));
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void hostileIdsAreRejectedWithTheValueEscapedAndTheRule(String value, String expected) {
        assertThat(TenantId.isValid(value)).isFalse();
        assertThatExceptionOfType(InvalidTenantIdException.class).isThrownBy(() -> TenantId.of(value))
                .withMessageStartingWith("Invalid tenant id " + expected)
                .withMessageContaining("must match [a-z0-9][a-z0-9_-]{0,62}")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u0000"))
                .satisfies(e -> assertThat(e.escapedValue()).doesNotContain("\r", "\n"));
    }

    @Test
    void nullIsRejected() {
        assertThat(TenantId.isValid(null)).isFalse();
        assertThatExceptionOfType(InvalidTenantIdException.class).isThrownBy(() -> TenantId.of(null))
                .withMessageStartingWith("Invalid tenant id null: it is null");
    }

    @Test
    void idsCompareAndPrintAsTheirValue() {
        assertThat(TenantId.of("de")).isLessThan(TenantId.of("jp")).hasToString("de");
        assertThat(TenantId.of("jp")).isEqualTo(TenantId.of("jp"));
    }
}
