package io.tenantkit.samples.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CountryTest {

    private static Map<String, String> france() {
        Map<String, String> inputs = new HashMap<>();
        inputs.put("tenant", "fr");
        inputs.put("name", "France");
        inputs.put("locale", "fr-FR");
        inputs.put("currency", "EUR");
        inputs.put("time-zone", "Europe/Paris");
        return inputs;
    }

    private static Map<String, String> france(String key, String value) {
        Map<String, String> inputs = france();
        inputs.put(key, value);
        return inputs;
    }

    @Test
    void validInputsMakeTheCountryAndTheModuleNames() {
        Country fr = Country.of(france());

        assertThat(fr.id().value()).isEqualTo("fr");
        assertThat(fr.locale()).isEqualTo(Locale.forLanguageTag("fr-FR"));
        assertThat(fr.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(fr.timeZone().getId()).isEqualTo("Europe/Paris");
        assertThat(fr.parent()).isNull();
        assertThat(fr.artifactId()).isEqualTo("site-fr");
        assertThat(fr.packageName()).isEqualTo("io.tenantkit.samples.site.fr");
        assertThat(fr.classPrefix()).isEqualTo("Fr");
    }

    @Test
    void idsThatAreNoJavaNamesGetUsableOnes() {
        Country usWest = Country.of(france("tenant", "us-west"));
        assertThat(usWest.packageName()).isEqualTo("io.tenantkit.samples.site.us_west");
        assertThat(usWest.classPrefix()).isEqualTo("UsWest");

        Country digits = Country.of(france("tenant", "1x"));
        assertThat(digits.packageName()).isEqualTo("io.tenantkit.samples.site.site_1x");
        assertThat(digits.classPrefix()).isEqualTo("Site1x");

        assertThat(Country.of(france("tenant", "do")).packageName()).isEqualTo("io.tenantkit.samples.site.site_do");
    }

    @Test
    void aRegionBecomesTheParent() {
        assertThat(Country.of(france("region", "emea")).parent()).hasToString("emea");
    }

    @Test
    void everyMissingInputIsNamedAtOnceWithTheCommand() {
        Map<String, String> inputs = france();
        inputs.remove("locale");
        inputs.put("time-zone", " ");

        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(inputs))
                .withMessageStartingWith("Missing -Dlocale, -Dtime-zone. Name the new country, for example: ./mvnw -q "
                        + "-pl tenant-samples/country-scaffold -am compile exec:java -Dtenant=fr");
    }

    @Test
    void anUpperCaseTenantIdIsRejectedWithTheTenantIdRule() {
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("tenant", "FR")))
                .withMessage("-Dtenant: Invalid tenant id \"FR\": it starts with 'F'. A tenant id must match "
                        + "[a-z0-9][a-z0-9_-]{0,62} (lower-case ASCII letters, digits, '_' and '-', starting with a letter "
                        + "or digit). Choose an id such as fr or us-west.");
    }

    @Test
    void aTraversalIdIsRejectedEscaped() {
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("tenant", "../etc\n")))
                .withMessageStartingWith("-Dtenant: Invalid tenant id \"../etc\\u000a\": it starts with '.'");
    }

    @Test
    void aBadRegionIsNamedAsTheRegion() {
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("region", "EMEA")))
                .withMessageStartingWith("-Dregion: Invalid tenant id \"EMEA\"")
                .withMessageEndingWith("Choose an id such as apac (a region the app or a module declares).");
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("region", "fr")))
                .withMessage("-Dregion names the new tenant itself (fr): name its region, such as apac, or leave -Dregion out.");
    }

    @Test
    void aLocaleWithAnUnderscoreIsRejectedWithTheTagToWrite() {
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("locale", "fr_FR")))
                .withMessage("-Dlocale: \"fr_FR\" is not a BCP 47 language tag (did you mean fr-FR?): write the language, "
                        + "then '-' and the country, such as fr-FR.");
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("locale", "FR-fr")))
                .withMessageContaining("(did you mean fr-FR?)");
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("locale", "@@")))
                .withMessage("-Dlocale: \"@@\" is not a BCP 47 language tag: write the language, then '-' and the country, "
                        + "such as fr-FR.");
    }

    @Test
    void aCurrencyMustBeAnIsoCode() {
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("currency", "eur")))
                .withMessage("-Dcurrency: \"eur\" is not an ISO 4217 currency code (did you mean EUR?): use the three "
                        + "upper-case letters, such as EUR.");
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("currency", "EURO")))
                .withMessage("-Dcurrency: \"EURO\" is not an ISO 4217 currency code: use the three upper-case letters, "
                        + "such as EUR.");
    }

    @Test
    void aCityIsNotATimeZoneButSuggestsOne() {
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("time-zone", "Paris")))
                .withMessage("-Dtime-zone: \"Paris\" is not a time zone id (did you mean Europe/Paris?): use a region id, "
                        + "such as Europe/Paris.");
    }

    @Test
    void aNameIsOneLineOfDisplayText() {
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("name", "Fr\r\nance")))
                .withMessage("-Dname: \"Fr\\u000d\\u000aance\" contains a control character: give the display name on one line, "
                        + "such as France.");
        assertThatExceptionOfType(ScaffoldException.class).isThrownBy(() -> Country.of(france("name", "x".repeat(101))))
                .withMessageEndingWith("is 101 characters long, more than 100: give the site's short display name, "
                        + "such as France.");
    }
}
