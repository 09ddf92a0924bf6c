package io.tenantkit.spring.http;

import java.util.Objects;

/** Validation shared by the header writers. */
final class TenantHeaders {

    private TenantHeaders() {
    }

    /** Checks that {@code name} is a usable HTTP header name (an RFC 9110 token). */
    static String requireHeaderName(String name) {
        Objects.requireNonNull(name, "headerName");
        if (name.isEmpty() || !name.chars().allMatch(TenantHeaders::isTokenChar)) {
            throw new IllegalArgumentException("Tenant header name '" + name.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' is not a valid HTTP header name (a token such as X-Tenant-Id).");
        }
        return name;
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
