package io.tenantkit.spring.http;

import io.tenantkit.tenant.SafeText;

import org.jspecify.annotations.Nullable;

/**
 * The one check of HTTP tokens (RFC 9110: header names, parameter names) shared by the web entry and the
 * outgoing header writers. A token holds only printable ASCII, so it is safe to show in messages.
 */
public final class HttpTokens {

    private static final String SYMBOLS = "!#$%&'*+-.^_`|~";

    private HttpTokens() {
    }

    /**
     * Checks that {@code value} is a non-empty HTTP token.
     *
     * @param value the text to check
     * @param what what it is, for the message, such as {@code header name}
     * @return {@code value}
     * @throws IllegalArgumentException naming {@code what} and the value, escaped
     */
    public static String require(@Nullable String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " must not be empty.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SYMBOLS.indexOf(c) >= 0)) {
                throw new IllegalArgumentException("The " + what + " must be an HTTP token (letters, digits and " + SYMBOLS
                        + ", such as X-Tenant-Id), not " + SafeText.quote(value) + ".");
            }
        }
        return value;
    }
}
