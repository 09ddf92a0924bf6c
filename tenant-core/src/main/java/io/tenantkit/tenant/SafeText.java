package io.tenantkit.tenant;

import org.jspecify.annotations.Nullable;

/**
 * Renders untrusted text so that it can go into an error message, a log line or a JSON string
 * unchanged: every character outside printable ASCII (control characters, CR/LF, unicode
 * look-alikes), and {@code " \ < > &}, is written as a {@code \}{@code uXXXX} escape, which JSON reads
 * back as the character itself.
 */
public final class SafeText {

    private static final int MAX_SHOWN = 80;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {
    }

    /**
     * Quotes {@code text}, escaped as {@link #escape(StringBuilder, CharSequence)} does, cutting it after
     * 80 characters; {@code null} for null.
     */
    public static String quote(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 16).append('"');
        escape(out, text.subSequence(0, Math.min(text.length(), MAX_SHOWN)));
        out.append('"');
        if (text.length() > MAX_SHOWN) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * Appends all of {@code text} to {@code out}, every character outside printable ASCII and
     * {@code " \ < > &} as a {@code \}{@code uXXXX} escape: the result is printable ASCII, safe inside a
     * JSON string, a log line or HTML text.
     *
     * @return {@code out}
     */
    public static StringBuilder escape(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                out.append(c);
            } else {
                out.append('\\').append('u').append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                        .append(HEX[c & 0xf]);
            }
        }
        return out;
    }

    /** Names one character for a message: {@code '/'} or {@code U+000A}. */
    static String describe(char c) {
        if (c >= 0x21 && c < 0x7f && c != '\\' && c != '\'') {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }
}
