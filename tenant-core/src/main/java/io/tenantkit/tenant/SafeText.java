package io.tenantkit.tenant;

import org.jspecify.annotations.Nullable;

/** Renders untrusted text so that it can go into an error message or a log line unchanged. */
final class SafeText {

    private static final int MAX_SHOWN = 80;

    private SafeText() {
    }

    /**
     * Quotes {@code text}, escaping everything outside printable ASCII (control characters, CR/LF,
     * unicode look-alikes) as {@code \}{@code uXXXX}, and cutting it after 80 characters.
     */
    static String quote(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 16).append('"');
        int shown = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            appendEscaped(out, text.charAt(i));
        }
        out.append('"');
        if (text.length() > MAX_SHOWN) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /** Names one character for a message: {@code '/'} or {@code U+000A}. */
    static String describe(char c) {
        if (c >= 0x21 && c < 0x7f && c != '\\' && c != '\'') {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }

    private static void appendEscaped(StringBuilder out, char c) {
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            out.append(c);
        } else {
            out.append(String.format("\\u%04x", (int) c));
        }
    }
}
