package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.samples.marketplace.SampleHttp.Response;
import io.tenantkit.spring.cache.TenantSpringCache;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.SimpleKey;

/**
 * The README's marketplace calls over real HTTP: onboarding, quotes and payouts answer differently per country, as
 * each site's module and configuration say, and wrong input gets a problem response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MarketplaceApiTests {

    private static final String PROBLEMS = "\"type\":\"" + Problems.TYPES;

    @LocalServerPort
    int port;

    @Autowired
    CacheManager caches;

    @Autowired
    TenantRegistry registry;

    private SampleHttp http;

    @BeforeEach
    void client() {
        http = new SampleHttp(port);
    }

    @Test
    void eachCountryAsksForItsOwnKycDocuments() {
        assertThat(http.post("/api/merchants", "jp", "{\"name\":\"Acme KK\"}").body()).contains("\"name\":\"Acme KK\"",
                "\"documents\":[]", "\"missingDocuments\":[\"my-number-card\",\"seal-registration-certificate\"]", "\"status\":\"pending-kyc\"");
        assertThat(http.post("/api/merchants", "us", "{\"name\":\"Acme Inc.\"}").body())
                .contains("\"missingDocuments\":[\"w-9\",\"ein-confirmation-letter\"]");
        assertThat(http.post("/api/merchants", "de", "{\"name\":\"Acme GmbH\"}").body())
                .contains("\"missingDocuments\":[\"handelsregister-extract\",\"personalausweis\"]");
    }

    @Test
    void kycRequirementsAreCachedOncePerSiteWithNoTenantInTheKey() {
        http.post("/api/merchants", "jp", "{\"name\":\"Cached KK\"}");
        http.post("/api/merchants", "us", "{\"name\":\"Cached Inc.\"}");
        http.post("/api/merchants", "jp", "{\"name\":\"Cached Again KK\"}");

        Cache cache = caches.getCache("kyc-requirements");
        assertThat(cache).isInstanceOf(TenantSpringCache.class);
        assertThat(cachedUnder("jp", cache)).containsExactly("my-number-card", "seal-registration-certificate");
        assertThat(cachedUnder("us", cache)).containsExactly("w-9", "ein-confirmation-letter");
        assertThat(http.get("/actuator/caches", null).body()).contains("\"kyc-requirements\"");
    }

    private List<Object> cachedUnder(String tenant, Cache cache) {
        try (TenantScope scope = TenantContext.enter(registry.require(TenantId.of(tenant)))) {
            List<?> documents = cache.get(SimpleKey.EMPTY, List.class);
            return documents == null ? List.of() : List.copyOf(documents);
        }
    }

    @Test
    void submittedDocumentsAreNoLongerRequired() {
        Response partial = http.post("/api/merchants", "jp", "{\"name\":\"Acme KK\",\"documents\":[\"my-number-card\"]}");
        Response complete = http.post("/api/merchants", "jp",
                "{\"name\":\"Acme KK\",\"documents\":[\"my-number-card\",\"seal-registration-certificate\"]}");

        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.body()).contains("\"documents\":[\"my-number-card\"]",
                "\"missingDocuments\":[\"seal-registration-certificate\"]", "\"status\":\"pending-kyc\"");
        assertThat(complete.body()).contains("\"missingDocuments\":[]", "\"status\":\"verified\"");
    }

    @Test
    void anotherCountrysDocumentIsA400Problem() {
        Response response = http.post("/api/merchants", "jp", "{\"name\":\"Acme KK\",\"documents\":[\"w-9\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).contains(PROBLEMS + "unknown-document\"", "Site 'jp' does not ask for \\\"w-9\\\"",
                "it requires [my-number-card, seal-registration-certificate]");
    }

    @Test
    void anApplicationWithoutANameIsA400Problem() {
        Response response = http.post("/api/merchants", "jp", "{\"name\":\" \"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void japanQuotesInWholeYenWithConsumptionTax() {
        // Fee: jp's 3.6% (tenants/jp/tenant.yml, over apac's 4%) = 360, plus 10% consumption tax on it = 396.
        assertThat(http.post("/api/orders/quote", "jp", "{\"amount\":\"10000\"}").body()).isEqualTo("{\"tenant\":\"jp\","
                + "\"currency\":\"JPY\",\"amount\":\"10000\",\"fee\":\"396\",\"taxName\":\"consumption-tax\",\"taxRate\":\"0.10\","
                + "\"tax\":\"1000\",\"total\":\"11000\",\"merchantReceives\":\"9604\",\"display\":{\"amount\":\"￥10,000\","
                + "\"fee\":\"￥396\",\"tax\":\"￥1,000\",\"total\":\"￥11,000\"}}");
    }

    @Test
    void germanyQuotesNineteenPercentVatInEuro() {
        // Fee: the default policy at the shared marketplace.fees.rate (0.05 in application.yml).
        assertThat(http.post("/api/orders/quote", "de", "{\"amount\":\"10000\"}").body()).contains("\"currency\":\"EUR\"",
                "\"fee\":\"500.00\"", "\"taxName\":\"vat\"", "\"taxRate\":\"0.19\"", "\"tax\":\"1900.00\"", "\"total\":\"11900.00\"",
                "\"total\":\"11.900,00\u00a0€\"");
    }

    @Test
    void theUsQuotesNoPlatformCollectedTax() {
        assertThat(http.post("/api/orders/quote", "us", "{\"amount\":\"10000\"}").body()).contains("\"currency\":\"USD\"",
                "\"fee\":\"290.30\"", "\"taxName\":\"sales-tax-collected-by-merchant\"", "\"tax\":\"0.00\"", "\"total\":\"10000.00\"",
                "\"total\":\"$10,000.00\"");
    }

    @Test
    void yenWithDecimalsIsA400Problem() {
        Response response = http.post("/api/orders/quote", "jp", "{\"amount\":\"10000.5\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains(PROBLEMS + "invalid-amount\"",
                "Amount 10000.5 is not a positive amount in JPY (at most 0 decimals) for site 'jp'.");
        assertThat(http.post("/api/orders/quote", "de", "{\"amount\":\"-1\"}").status()).isEqualTo(400);
    }

    @Test
    void payoutsGoOverTheLocalRailUpToItsLimitAndByWireAbove() {
        long jp = http.merchant("jp", "Acme KK", "[\"my-number-card\",\"seal-registration-certificate\"]");
        long us = http.merchant("us", "Acme Inc", "[\"w-9\",\"ein-confirmation-letter\"]");
        long de = http.merchant("de", "Acme GmbH", "[\"handelsregister-extract\",\"personalausweis\"]");

        assertThat(payout("jp", jp, "300000")).contains("\"channel\":\"zengin\"", "\"instant\":true", "\"displayAmount\":\"￥300,000\"");
        assertThat(payout("jp", jp, "800000")).contains("\"channel\":\"international-wire\"", "\"instant\":true");
        assertThat(payout("us", us, "5000")).contains("\"channel\":\"ach\"", "\"instant\":false");
        assertThat(payout("us", us, "20000")).contains("\"channel\":\"international-wire\"");
        assertThat(payout("de", de, "3000")).contains("\"channel\":\"sepa\"", "\"instant\":false");
        assertThat(payout("de", de, "8000")).contains("\"channel\":\"international-wire\"");
    }

    @Test
    void aPayoutAboveTheSitesLimitIsA422Problem() {
        long jp = http.merchant("jp", "Acme KK", "[\"my-number-card\",\"seal-registration-certificate\"]");
        long us = http.merchant("us", "Acme Inc", "[\"w-9\",\"ein-confirmation-letter\"]");

        Response tooMuch = http.post("/api/payouts", "jp", "{\"merchantId\":" + jp + ",\"amount\":\"1000001\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains(PROBLEMS + "payout-limit-exceeded\"", "Site 'jp' pays out at most ￥1,000,000 at once.");
        assertThat(http.post("/api/payouts", "us", "{\"merchantId\":" + us + ",\"amount\":\"25000.01\"}").status()).isEqualTo(422);
    }

    @Test
    void aMerchantWithDocumentsMissingCannotBePaidOut() {
        long pending = http.merchant("jp", "Acme KK", "[\"my-number-card\"]");

        Response response = http.post("/api/payouts", "jp", "{\"merchantId\":" + pending + ",\"amount\":\"1000\"}");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).contains(PROBLEMS + "kyc-incomplete\"", "before submitting [seal-registration-certificate]");
    }

    @Test
    void anotherSitesMerchantIsUnknownHere() {
        long jp = http.merchant("jp", "Acme KK", "[\"my-number-card\",\"seal-registration-certificate\"]");

        Response response = http.post("/api/payouts", "us", "{\"merchantId\":" + jp + ",\"amount\":\"100\"}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains(PROBLEMS + "unknown-merchant\"", "Site 'us' has no merchant " + jp + ".");
    }

    @Test
    void eachSiteListsOnlyItsOwnMerchants() {
        long jp = http.merchant("jp", "Only In Japan KK", "[]");

        assertThat(http.get("/api/merchants", "jp").body()).contains("{\"id\":" + jp + ",\"name\":\"Only In Japan KK\"");
        assertThat(http.get("/api/merchants", "us").body()).doesNotContain("Only In Japan KK", "\"id\":" + jp + ",");
        assertThat(http.get("/api/merchants", "de").body()).doesNotContain("Only In Japan KK");
    }

    @Test
    void everyApiCallNeedsAKnownWellFormedTenant() {
        Response none = http.post("/api/merchants", null, "{\"name\":\"Acme\"}");
        Response unknown = http.post("/api/orders/quote", "zz", "{\"amount\":\"10\"}");
        Response malformed = http.get("/api/merchants", "JP");

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("\"type\":\"https://tenantkit.io/problems/missing-tenant\"");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"type\":\"https://tenantkit.io/problems/unknown-tenant\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"type\":\"https://tenantkit.io/problems/invalid-tenant-id\"");
        assertThat(List.of(none, unknown, malformed)).allMatch(Response::isProblem);
    }

    private String payout(String tenant, long merchant, String amount) {
        Response response = http.post("/api/payouts", tenant, "{\"merchantId\":" + merchant + ",\"amount\":\"" + amount + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.body();
    }
}
