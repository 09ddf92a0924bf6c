package io.tenantkit.spring.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The callers whose tenant header is believed: IPv4 and IPv6 address ranges in CIDR notation
 * ({@code 10.0.0.0/8}, {@code 127.0.0.1/32}, {@code ::1/128}; a bare address is one host). Empty
 * means every caller. Matched against the connection's remote address, never a forwarded header.
 */
final class TrustedCallers {

    private static final TrustedCallers EVERYONE = new TrustedCallers(List.of());

    private final List<Range> ranges;

    private TrustedCallers(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses {@code cidrs}; only literal addresses are accepted (no host names, so no DNS look-up).
     *
     * @throws IllegalArgumentException naming the first entry that is not an address range
     */
    static TrustedCallers of(List<String> cidrs) {
        if (cidrs.isEmpty()) {
            return EVERYONE;
        }
        List<Range> ranges = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            ranges.add(Range.parse(cidr));
        }
        return new TrustedCallers(ranges);
    }

    /** Whether every caller is trusted (no ranges configured). */
    boolean trustsEveryone() {
        return ranges.isEmpty();
    }

    /** Whether {@code remoteAddress} (a literal address, as the servlet container reports it) is trusted. */
    boolean trusts(@Nullable String remoteAddress) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] address = literal(remoteAddress);
        if (address == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes of a literal IPv4 or IPv6 address, or null for anything else (never resolves names). */
    private static byte @Nullable [] literal(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
            if (!ok) {
                return null;
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return ipv4MappedToIpv4(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code ::ffff:10.1.2.3} as {@code 10.1.2.3}, so that IPv4 ranges match IPv4 callers on dual-stack sockets. */
    private static byte[] ipv4MappedToIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }

    @Override
    public String toString() {
        return ranges.isEmpty() ? "every caller" : ranges.toString();
    }

    private record Range(String text, byte[] network, int prefixLength) {

        static Range parse(String cidr) {
            String text = cidr == null ? "" : cidr.trim();
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("'" + printable(text) + "' is not an IP address or CIDR range such as "
                        + "10.0.0.0/8, 127.0.0.1 or ::1/128 (host names are not accepted).");
            }
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("'" + printable(text) + "' has a prefix length outside 0.." + bits + ".");
                }
            }
            return new Range(text, network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }

        private static String printable(String text) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Math.min(text.length(), 60); i++) {
                char c = text.charAt(i);
                out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
