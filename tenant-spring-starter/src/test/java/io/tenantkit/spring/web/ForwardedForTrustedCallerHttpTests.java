package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Trusted callers behind forwarded-header handling, over real HTTP from loopback: the caller's address is
 * only as good as the proxy configuration that sets it. (With {@code framework} and no declaration that
 * the proxy overwrites the header, the application does not start: see TenantWebAutoConfigurationTests.)
 */
@ActiveProfiles("webtest")
@SpringBootTest(classes = WebTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenantkit.web.resolvers=header", "tenantkit.web.header.trusted-callers=10.0.0.0/8"})
class ForwardedForTrustedCallerHttpTests {

    /** {@code native} with the proxies named exactly: loopback is no proxy, so a forged X-Forwarded-For is ignored. */
    @Nested
    @TestPropertySource(properties = {"server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=10\\\\.9\\\\.9\\\\.9"})
    class NativeWithTheProxiesNamed {

        @LocalServerPort
        int port;

        @Test
        void aForgedForwardedForDoesNotMakeAnUntrustedCallerTrusted() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", "X-Forwarded-For: 10.1.2.3", "X-Tenant-Id: jp");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("missing-tenant");
        }
    }

    /**
     * {@code native} with Tomcat's default internal proxies (every private and loopback range): a caller
     * from such a range is taken for a proxy, and its X-Forwarded-For for the caller. This is why
     * docs/security.md says to set {@code server.tomcat.remoteip.internal-proxies}.
     */
    @Nested
    @TestPropertySource(properties = "server.forward-headers-strategy=native")
    class NativeWithTheDefaultProxies {

        @LocalServerPort
        int port;

        @Test
        void aCallerInAPrivateRangeCanNameAnyAddress() throws Exception {
            RawHttp.Response response = RawHttp.get(port, "/api/whoami", "X-Forwarded-For: 10.1.2.3", "X-Tenant-Id: jp");

            assertThat(response.status()).isEqualTo(200);
        }
    }

    /** {@code framework}, declared safe: the proxy replaces X-Forwarded-For, so its value is the caller's address. */
    @Nested
    @TestPropertySource(properties = {"server.forward-headers-strategy=framework",
            "tenantkit.web.header.proxy-overwrites-forwarded-for=true"})
    class FrameworkBehindAProxyThatOverwrites {

        @LocalServerPort
        int port;

        @Test
        void theForwardedAddressDecides() throws Exception {
            RawHttp.Response internal = RawHttp.get(port, "/api/whoami", "X-Forwarded-For: 10.1.2.3", "X-Tenant-Id: jp");
            RawHttp.Response external = RawHttp.get(port, "/api/whoami", "X-Forwarded-For: 203.0.113.7", "X-Tenant-Id: jp");

            assertThat(internal.status()).isEqualTo(200);
            assertThat(internal.body()).contains("\"tenant\":\"jp\"");
            assertThat(external.status()).isEqualTo(400);
        }
    }
}
