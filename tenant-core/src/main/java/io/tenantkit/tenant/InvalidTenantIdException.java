package io.tenantkit.tenant;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when text that should be a {@link TenantId} is not one. The message shows the offending
 * value escaped (safe to log or return) and the rule it broke.
 */
public final class InvalidTenantIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String escapedValue;

    InvalidTenantIdException(@Nullable String value, String problem) {
        super("Invalid tenant id " + SafeText.quote(value) + ": " + problem + ". A tenant id must match "
                + TenantId.RULE + " (lower-case ASCII letters, digits, '_' and '-', starting with a letter or digit).");
        this.escapedValue = SafeText.quote(value);
    }

    /** The rejected value, quoted and escaped so that it is safe to show or log. */
    public String escapedValue() {
        return escapedValue;
    }
}
