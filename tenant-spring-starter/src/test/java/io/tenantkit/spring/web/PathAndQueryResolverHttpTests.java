package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The path prefix and query parameter resolvers, with the alternative statuses (400 for an unknown
 * tenant, 423 for a suspended one) and a renamed response header, over real HTTP.
 */
@ActiveProfiles("webtest")
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenantkit.web.resolvers=query,path",
        "tenantkit.web.query.parameter=site",
        "tenantkit.web.unknown-tenant-status=400",
        "tenantkit.web.suspended-tenant-status=423",
        "tenantkit.web.response-header.name=X-Served-Tenant"})
class PathAndQueryResolverHttpTests {

    @LocalServerPort
    int port;

    @Test
    void pathPrefixSelectsTheTenant() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/de/api/whoami");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"de\"", "\"locale\":\"de-DE\"");
        assertThat(response.header("X-Served-Tenant")).isEqualTo("de");
        assertThat(response.header("X-Tenant-Id")).isNull();
    }

    @Test
    void queryAndPathNamingTheSameTenantAreServed() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/de/api/whoami?x=1&site=de");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"tenant\":\"de\"");
    }

    /** Regression: the first source (the query) won, and the path naming another tenant was never compared. */
    @Test
    void queryAndPathNamingDifferentTenantsAreA403() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/de/api/whoami?x=1&site=jp");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("tenant-mismatch", "The request names different tenants in query parameter site and path prefix.");
    }

    /** Regression: {@code %73ite} was not the parameter {@code site} for the resolver, but was for {@code @RequestParam}. */
    @Test
    void anEncodedParameterNameIsTheParameter() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/de/api/whoami?%73ite=jp");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("tenant-mismatch");
    }

    /** Regression: {@code ?site=jp&%73ite=us} was accepted as jp, while the container saw both values. */
    @Test
    void aParameterRepeatedUnderAnEncodedNameIsA400Problem() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/jp/api/whoami?site=jp&%73ite=us");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("the query parameter site is given more than once");
    }

    @Test
    void unknownTenantCanBeAnswered400() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/fr/api/whoami");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"https://tenantkit.io/problems/unknown-tenant\"", "\"status\":400",
                "(from path prefix)");
    }

    @Test
    void suspendedTenantCanBeAnswered423() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/closed/api/whoami");

        assertThat(response.status()).isEqualTo(423);
        assertThat(response.body()).contains("https://tenantkit.io/problems/suspended-tenant", "\"status\":423");
    }

    @Test
    void encodedCrLfInThePathIsA400() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/jp%0d%0aX-Injected:%201/api/whoami");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).doesNotContainKeys("x-injected", "x-served-tenant");
    }

    @Test
    void encodedCrLfInTheQueryIsA400Problem() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/jp/api/whoami?site=jp%0d%0aX-Injected:%201");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("invalid-tenant-id", "query parameter site", "jp\\u005cu000d\\u005cu000aX-Injected: 1")
                .doesNotContain("\r", "\n");
        assertThat(response.headers()).doesNotContainKeys("x-injected", "x-served-tenant");
    }

    @Test
    void queryParameterGivenTwiceIsA400Problem() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/jp/api/whoami?site=jp&site=us");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("the query parameter site is given more than once");
    }

    @Test
    void badlyEncodedQueryParameterIsA400Problem() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/jp/api/whoami?site=%zz");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("the query string is not correctly URL-encoded, so the query parameter site cannot be read");
    }

    @Test
    void traversalInTheQueryIsA400Problem() throws Exception {
        assertThat(RawHttp.get(port, "/jp/api/whoami?site=..%2F..%2Fetc").status()).isEqualTo(400);
    }
}
