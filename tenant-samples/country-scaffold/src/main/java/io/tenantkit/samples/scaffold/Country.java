package io.tenantkit.samples.scaffold;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.SafeText;
import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * The new country, validated: what {@code tenants/<id>/tenant.yml} declares, and the names the module's
 * artifact, package and classes take from the id.
 *
 * @param id the tenant id ({@link TenantId} rules)
 * @param name the display name, such as {@code France}
 * @param locale the site's locale, a BCP 47 tag such as {@code fr-FR}
 * @param currency the site's ISO 4217 currency
 * @param timeZone the site's time zone, a region id such as {@code Europe/Paris}
 * @param parent the region the site belongs to, or null for none
 */
record Country(TenantId id, String name, Locale locale, Currency currency, ZoneId timeZone, @Nullable TenantId parent) {

    /** The command users run, shown when inputs are missing. */
    static final String COMMAND = "./mvnw -q -pl tenant-samples/country-scaffold -am compile exec:java "
            + "-Dtenant=fr -Dname=France -Dlocale=fr-FR -Dcurrency=EUR -Dtime-zone=Europe/Paris";

    /** The names of the inputs, {@code region} optional. */
    static final List<String> INPUTS = List.of("tenant", "name", "locale", "currency", "time-zone", "region");

    private static final int MAX_NAME_LENGTH = 100;

    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "false", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "null", "package", "private", "protected", "public", "return",
            "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient",
            "true", "try", "void", "volatile", "while", "_");

    /**
     * Validates the inputs by name ({@code tenant}, {@code name}, {@code locale}, {@code currency},
     * {@code time-zone}, optional {@code region}: the tenant's parent); absent or blank values are missing.
     *
     * @throws ScaffoldException naming every missing input, or the first invalid one and its fix
     */
    static Country of(Map<String, String> inputs) {
        List<String> missing = new ArrayList<>();
        for (String key : INPUTS) {
            if (!"region".equals(key) && blank(inputs.get(key))) {
                missing.add("-D" + key);
            }
        }
        if (!missing.isEmpty()) {
            throw new ScaffoldException("Missing " + String.join(", ", missing) + ". Name the new country, for example: "
                    + COMMAND + " (add -Dregion=<id> for a site in a region, such as apac).");
        }
        TenantId id = tenantId("tenant", inputs.get("tenant"));
        String region = inputs.get("region");
        TenantId parent = blank(region) ? null : tenantId("region", region);
        if (id.equals(parent)) {
            throw new ScaffoldException("-Dregion names the new tenant itself (" + id + "): name its region, such as "
                    + "apac, or leave -Dregion out.");
        }
        return new Country(id, name(value(inputs, "name")), locale(value(inputs, "locale")),
                currency(value(inputs, "currency")), timeZone(value(inputs, "time-zone")), parent);
    }

    /** {@code site-fr}. */
    String artifactId() {
        return "site-" + id.value();
    }

    /** {@code io.tenantkit.samples.site.fr}: the id as a package segment ({@code us-west}: {@code us_west}). */
    String packageName() {
        String segment = id.value().replace('-', '_');
        if (Character.isDigit(segment.charAt(0)) || JAVA_KEYWORDS.contains(segment)) {
            segment = "site_" + segment;
        }
        return "io.tenantkit.samples.site." + segment;
    }

    /** {@code Fr}: the prefix of the module's class names ({@code us-west}: {@code UsWest}; {@code 1x}: {@code Site1x}). */
    String classPrefix() {
        StringBuilder prefix = new StringBuilder();
        for (String part : id.value().split("[-_]")) {
            if (!part.isEmpty()) {
                prefix.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return Character.isDigit(prefix.charAt(0)) ? "Site" + prefix : prefix.toString();
    }

    private static TenantId tenantId(String key, String value) {
        try {
            return TenantId.of(value);
        } catch (InvalidTenantIdException e) {
            return fail(key, e.getMessage() + " Choose an id such as "
                    + ("region".equals(key) ? "apac (a region the app or a module declares)" : "fr or us-west") + ".");
        }
    }

    private static String name(String value) {
        if (value.length() > MAX_NAME_LENGTH) {
            return fail("name", SafeText.quote(value.substring(0, 20)) + "... is " + value.length() + " characters long, "
                    + "more than " + MAX_NAME_LENGTH + ": give the site's short display name, such as France.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return fail("name", SafeText.quote(value) + " contains a control character: give the display name on one line, "
                    + "such as France.");
        }
        return value.strip();
    }

    private static Locale locale(String value) {
        Locale locale = Locale.forLanguageTag(value);
        if (!locale.getLanguage().isEmpty() && locale.toLanguageTag().equals(value)) {
            return locale;
        }
        Locale guess = Locale.forLanguageTag(value.replace('_', '-'));
        String hint = guess.getLanguage().isEmpty() ? "" : " (did you mean " + guess.toLanguageTag() + "?)";
        return fail("locale", SafeText.quote(value) + " is not a BCP 47 language tag" + hint
                + ": write the language, then '-' and the country, such as fr-FR.");
    }

    private static Currency currency(String value) {
        try {
            return Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            String hint = "";
            try {
                hint = " (did you mean " + Currency.getInstance(value.toUpperCase(Locale.ROOT)).getCurrencyCode() + "?)";
            } catch (IllegalArgumentException notEither) {
                // no suggestion
            }
            return fail("currency", SafeText.quote(value) + " is not an ISO 4217 currency code" + hint
                    + ": use the three upper-case letters, such as EUR.");
        }
    }

    private static ZoneId timeZone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            String hint = ZoneId.getAvailableZoneIds().stream()
                    .filter(zone -> zone.toLowerCase(Locale.ROOT).endsWith("/" + value.toLowerCase(Locale.ROOT)))
                    .sorted().findFirst().map(zone -> " (did you mean " + zone + "?)").orElse("");
            return fail("time-zone", SafeText.quote(value) + " is not a time zone id" + hint
                    + ": use a region id, such as Europe/Paris.");
        }
    }

    private static String value(Map<String, String> inputs, String key) {
        String value = inputs.get(key);
        return value == null ? "" : value;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static <T> T fail(String key, String message) {
        throw new ScaffoldException("-D" + key + ": " + message);
    }
}
