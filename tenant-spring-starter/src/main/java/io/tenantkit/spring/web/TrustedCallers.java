package io.tenantkit.spring.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Address ranges of callers: IPv4 and IPv6 ranges in CIDR notation ({@code 10.0.0.0/8},
 * {@code 127.0.0.1/32}, {@code ::1/128}; a bare address is one host). Matched against the
 * connection's remote address, never a forwarded header.
 *
 * <p>Only literal addresses are read, by a parser of its own: an IPv4 address is exactly four dotted
 * decimal numbers 0-255, an IPv6 address has colons. Nothing is ever resolved as a host name, so
 * neither configuration nor a request causes a DNS look-up, and shorthand forms that
 * {@code InetAddress} would accept ({@code 10/8} as {@code 0.0.0.10/8}, {@code 127.1}) are refused.
 */
final class TrustedCallers {

    private final List<Range> ranges;

    private TrustedCallers(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses {@code cidrs}.
     *
     * @throws IllegalArgumentException naming the first entry that is not a literal address or range
     */
    static TrustedCallers of(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            ranges.add(Range.parse(cidr));
        }
        return new TrustedCallers(ranges);
    }

    /**
     * Whether {@code remoteAddress} (a literal address, as the servlet container reports it; an IPv6
     * zone such as {@code %eth0} is ignored) lies in one of the ranges.
     */
    boolean trusts(@Nullable String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        int zone = remoteAddress.indexOf('%');
        byte[] address = literal(zone < 0 || remoteAddress.indexOf(':') < 0 ? remoteAddress : remoteAddress.substring(0, zone));
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

    @Override
    public String toString() {
        return ranges.toString();
    }

    /**
     * The bytes of a literal IPv6 (it has a colon) or IPv4 address, an IPv4-mapped IPv6 address as
     * IPv4; null for anything else.
     */
    private static byte @Nullable [] literal(String text) {
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        byte[] ipv6 = ipv6(text);
        return ipv6 == null ? null : ipv4MappedToIpv4(ipv6);
    }

    /** Exactly four dotted decimal numbers 0-255, without leading zeros, or null. */
    private static byte @Nullable [] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = decimal(parts[i], 255);
            if (value < 0) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /**
     * Eight colon-separated groups of one to four hex digits, one {@code ::} standing for one or more
     * zero groups, the last two groups optionally written as an IPv4 address; or null.
     */
    private static byte @Nullable [] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return bytes;
    }

    /** The 16-bit groups of {@code part} (empty: none), or null if one is not hex or misplaced. */
    private static @Nullable List<Integer> groups(String part, boolean mayEndInIpv4) {
        List<Integer> groups = new ArrayList<>(8);
        if (part.isEmpty()) {
            return groups;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (mayEndInIpv4 && i == pieces.length - 1 && piece.indexOf('.') >= 0) {
                byte[] ipv4 = ipv4(piece);
                if (ipv4 == null) {
                    return null;
                }
                groups.add((ipv4[0] & 0xff) << 8 | (ipv4[1] & 0xff));
                groups.add((ipv4[2] & 0xff) << 8 | (ipv4[3] & 0xff));
            } else {
                int value = hex(piece);
                if (value < 0) {
                    return null;
                }
                groups.add(value);
            }
        }
        return groups;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /** One to four ASCII hex digits as a number, or -1. */
    private static int hex(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** One to three ASCII digits, without a leading zero, as a number up to {@code max}; or -1. */
    private static int decimal(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** {@code ::ffff:10.1.2.3} as {@code 10.1.2.3}, so that IPv4 ranges match IPv4 callers on dual-stack sockets. */
    private static byte[] ipv4MappedToIpv4(byte[] bytes) {
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

    private record Range(String text, byte[] network, int prefixLength) {

        static Range parse(@Nullable String cidr) {
            String text = cidr == null ? "" : cidr.trim();
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("'" + printable(text) + "' is not an IP address or CIDR range: write IPv4 "
                        + "as four decimal numbers 0-255 (10.0.0.0/8, 127.0.0.1) and IPv6 with colons (::1/128, fd00::/8); "
                        + "host names are not accepted.");
            }
            int bits = network.length * 8;
            int prefix = slash < 0 ? bits : decimal(text.substring(slash + 1), bits);
            if (prefix < 0) {
                throw new IllegalArgumentException("'" + printable(text) + "' has a prefix length outside 0.." + bits + ".");
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
