package io.tenantkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedCallersTest {

    @Test
    void noRangesTrustsEveryCaller() {
        TrustedCallers everyone = TrustedCallers.of(List.of());

        assertThat(everyone.trustsEveryone()).isTrue();
        assertThat(everyone.trusts("203.0.113.7")).isTrue();
    }

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
        TrustedCallers callers = TrustedCallers.of(List.of("::1/128", "fd00::/8", "127.0.0.0/8"));

        assertThat(callers.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(callers.trusts("fd12:3456::1")).isTrue();
        assertThat(callers.trusts("fe80::1")).isFalse();
        assertThat(callers.trusts("::ffff:127.0.0.1")).isTrue();
    }

    @Test
    void anythingButALiteralAddressIsNotTrustedAndNeverLookedUp() {
        TrustedCallers callers = TrustedCallers.of(List.of("0.0.0.0/0"));

        assertThat(callers.trusts("8.8.8.8")).isTrue();
        assertThat(callers.trusts("localhost")).isFalse();
        assertThat(callers.trusts("")).isFalse();
        assertThat(callers.trusts(null)).isFalse();
    }

    @Test
    void entriesThatAreNotRangesAreRejectedNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("gateway.internal")))
                .withMessage("'gateway.internal' is not an IP address or CIDR range such as 10.0.0.0/8, 127.0.0.1 or ::1/128 "
                        + "(host names are not accepted).");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/33")))
                .withMessage("'10.0.0.0/33' has a prefix length outside 0..32.");
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedCallers.of(List.of("10.0.0.0/x\n")))
                .withMessage("'10.0.0.0/x' has a prefix length outside 0..32.");
    }
}
