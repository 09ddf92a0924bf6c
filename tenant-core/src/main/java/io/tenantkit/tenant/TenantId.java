package io.tenantkit.tenant;

import java.util.Collection;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The validated identifier of a tenant, such as {@code jp} or {@code us-west}.
 *
 * <p>An id is 1 to 63 characters: a lower-case ASCII letter or digit, followed by lower-case ASCII
 * letters, digits, {@code _} or {@code -}. Nothing is normalised: {@code "JP"} is rejected, not
 * lower-cased, so the id a caller sent is the id that is logged. Because every id is checked here,
 * an id is safe to use in an MDC value, a file name, a cache key or a metric tag.
 *
 * @param value the id as text
 */
public record TenantId(String value) implements Comparable<TenantId> {

    /** The longest id accepted. */
    public static final int MAX_LENGTH = 63;

    /** The rule every id follows, as shown in error messages. */
    public static final String RULE = "[a-z0-9][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}";

    private static final int MAX_LISTED = 20;

    /**
     * Validates {@code value}.
     *
     * @throws InvalidTenantIdException if {@code value} does not follow {@link #RULE}
     */
    public TenantId {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidTenantIdException(value, problem);
        }
    }

    /**
     * Returns the id for {@code value}.
     *
     * @throws InvalidTenantIdException if {@code value} is not a valid id
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** Returns whether {@code value} is a valid id; never throws. */
    public static boolean isValid(@Nullable String value) {
        return problemWith(value) == null;
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * {@code ids} for a message, in their order: comma-separated, {@code none} when empty, and after the
     * first 20 {@code ... (n in all)}, so that a message about 10,000 tenants stays readable.
     */
    public static String list(Collection<TenantId> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        String listed = ids.stream().limit(MAX_LISTED).map(TenantId::value).collect(Collectors.joining(", "));
        return ids.size() > MAX_LISTED ? listed + ", ... (" + ids.size() + " in all)" : listed;
    }

    private static @Nullable String problemWith(@Nullable String value) {
        if (value == null) {
            return "it is null";
        }
        int length = value.length();
        if (length == 0) {
            return "it is empty";
        }
        if (length > MAX_LENGTH) {
            return "it is " + length + " characters long, more than " + MAX_LENGTH;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '-' && c != '_'))) {
                return (i == 0 ? "it starts with " : "it contains ") + SafeText.describe(c);
            }
        }
        return null;
    }
}
