package io.tenantkit.spring.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.tenantkit.tenant.SafeText;

import org.jspecify.annotations.Nullable;

/**
 * Address ranges of callers: IPv4 and IPv6 ranges in CIDR notation ({@code 10.0.0.0/8},
 * {@code 127.0.0.1/32}, {@code ::1/128}; a bare address is one host). Matched against the
 * connection's remote address, never a forwarded header.
 *
 * <p>Only literal addresses are read: an IPv4 address is exactly four dotted decimal numbers 0-255, an
 * IPv6 address has colons and is parsed by {@code InetAddress} only after a strict shape check, as a
 * bracketed literal. Nothing is ever resolved as a host name, so neither configuration nor a request
 * causes a DNS look-up, and shorthand forms that {@code InetAddress} would accept ({@code 10/8} as
 * {@code 0.0.0.10/8}, {@code 127.1}) are refused.
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
     * The bytes of a literal IPv4 or IPv6 address (an IPv4-mapped IPv6 address as IPv4); null for
     * anything else. IPv4 is exactly four dotted decimal numbers 0-255 without leading zeros; IPv6 has a
     * colon and only hex digits, colons and dots, and is then parsed by {@code InetAddress} as a bracketed
     * literal, which never looks anything up.
     */
    private static byte @Nullable [] literal(String text) {
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        if (text.length() > 45 || !text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            return InetAddress.getByName("[" + text + "]").getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
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

    private record Range(String text, byte[] network, int prefixLength) {

        static Range parse(@Nullable String cidr) {
            String text = cidr == null ? "" : cidr.trim();
            int slash = text.indexOf('/');
            byte[] network = literal(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException(SafeText.quote(text) + " is not an IP address or CIDR range: write IPv4 "
                        + "as four decimal numbers 0-255 (10.0.0.0/8, 127.0.0.1) and IPv6 with colons (::1/128, fd00::/8); "
                        + "host names are not accepted.");
            }
            int bits = network.length * 8;
            int prefix = slash < 0 ? bits : decimal(text.substring(slash + 1), bits);
            if (prefix < 0) {
                throw new IllegalArgumentException(SafeText.quote(text) + " has a prefix length outside 0.." + bits + ".");
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

        @Override
        public String toString() {
            return text;
        }
    }
}
