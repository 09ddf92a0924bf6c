package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedCallersTest {

    @Test
    void ipv4RangesMatchByPrefix() {
        TrustedCallers internal = TrustedCallers.of(List.of("10.0.0.0/8", "192.168.4.0/22", "172.16.0.5"));

        assertThat(internal.trusts("10.255.3.4")).isTrue();
        assertThat(internal.trusts("11.0.0.1")).isFalse();
        assertThat(internal.trusts("192.168.7.255")).isTrue();
        assertThat(internal.trusts("192.168.8.0")).isFalse();
        assertThat(internal.trusts("172.16.0.5")).isTrue();
        assertThat(internal.trusts("172.16.0.6")).isFalse();
    }

    @Test
    void ipv6RangesMatchAndIpv4MappedAddressesMatchIpv4Ranges() {
        TrustedCallers callers = TrustedCallers.of(List.of("::1/128", "fd00::/8", "127.0.0.0/8", "2001:db8:0:0:1::/80"));

        assertThat(callers.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(callers.trusts("fd12:3456::1")).isTrue();
        assertThat(callers.trusts("FD12:3456:0:0:0:0:0:1")).isTrue();
        assertThat(callers.trusts("fe80::1")).isFalse();
        assertThat(callers.trusts("::ffff:127.0.0.1")).isTrue();
        assertThat(callers.trusts("2001:db8::1:0:0:ffff")).isTrue();
        assertThat(callers.trusts("2001:db8:0:0:2::1")).isFalse();
    }

    @Test
    void theZoneOfAnIpv6RemoteAddressIsIgnored() {
        assertThat(TrustedCallers.of(List.of("fe80::/10")).trusts("fe80:0:0:0:0:0:0:1%eth0")).isTrue();
    }

    @Test
    void theWholeAddressSpaceTrustsEveryLiteralAddressOfItsFamily() {
        TrustedCallers everyIpv4 = TrustedCallers.of(List.of("0.0.0.0/0"));

        assertThat(everyIpv4.trusts("8.8.8.8")).isTrue();
        assertThat(everyIpv4.trusts("2001:db8::1")).isFalse();
        assertThat(TrustedCallers.of(List.of("::/0")).trusts("2001:db8::1")).isTrue();
    }

    /**
     * Regression: hex-letter strings went to {@code InetAddress.getByName} (a DNS look-up) and
     * shorthand IPv4 forms were accepted; now a remote address that is not a literal is simply not
     * trusted, without any look-up.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "beef", "ab.cd", "dead.beef", "", "1.2.3", "127.1", "10", "0x7f.0.0.1",
            "127.0.0.01", "127.0.0.256", "1.2.3.4.5", "1:2:3:4:5:6:7", "1::2::3", ":::", "12345::1", "::g", "１.2.3.4"})
    void anythingButALiteralAddressIsNotTrusted(String remoteAddress) {
        TrustedCallers everyone = TrustedCallers.of(List.of("0.0.0.0/0", "::/0"));

        assertThat(everyone.trusts(remoteAddress)).isFalse();
    }

    @Test
    void noRemoteAddressIsNotTrusted() {
        assertThat(TrustedCallers.of(List.of("0.0.0.0/0")).trusts(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway.internal", "beef", "ab.cd", "10/8", "127.1", "10.0.0", "10.0.0.0.0/8", "010.0.0.0/8",
            "10.0.0.256", "::1::/128", "fe80::1%eth0", "[::1]", " ", "10.0.0.0 /8"})
    void entriesThatAreNotLiteralRangesAreRejectedNamingThem(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/8", entry)))
                .withMessage("\"" + entry.trim() + "\" is not an IP address or CIDR range: write IPv4 as four decimal numbers "
                        + "0-255 (10.0.0.0/8, 127.0.0.1) and IPv6 with colons (::1/128, fd00::/8); host names are not accepted.");
    }

    @Test
    void prefixLengthsAreRangeChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/33")))
                .withMessage("\"10.0.0.0/33\" has a prefix length outside 0..32.");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("::1/129")))
                .withMessage("\"::1/129\" has a prefix length outside 0..128.");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/-1")))
                .withMessage("\"10.0.0.0/-1\" has a prefix length outside 0..32.");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/")))
                .withMessage("\"10.0.0.0/\" has a prefix length outside 0..32.");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/x\n")))
                .withMessage("\"10.0.0.0/x\" has a prefix length outside 0..32.");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/8/8")))
                .withMessage("\"10.0.0.0/8/8\" has a prefix length outside 0..32.");
    }

    @Test
    void entriesWithControlCharactersAreShownEscaped() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0\u0000/8")))
                .withMessageStartingWith("\"10.0.0.0\\u0000/8\" is not an IP address");
    }

    @Test
    void anEmptyListOfTrustedCallersBelievesTheResolverFromEveryCaller() {
        TenantResolver header = TenantResolvers.header("X-Tenant-Id");

        assertThat(TenantResolvers.fromTrustedCallers(header, List.of())).isSameAs(header);
    }
}
