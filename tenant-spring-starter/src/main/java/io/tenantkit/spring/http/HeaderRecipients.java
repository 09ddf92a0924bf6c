package io.tenantkit.spring.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.tenantkit.tenant.SafeText;

import org.jspecify.annotations.Nullable;

/**
 * The base URLs whose calls carry the tenant header ({@code https://billing.internal/api}): same scheme,
 * host and port, and a path at or below the base path, segment by segment. No base URLs: every call.
 */
final class HeaderRecipients {

    private static final HeaderRecipients EVERY_CALL = new HeaderRecipients(new Base[0]);

    private final Base[] bases;

    private HeaderRecipients(Base[] bases) {
        this.bases = bases;
    }

    /**
     * The recipients listed in {@code baseUrls}; empty: every call.
     *
     * @throws IllegalArgumentException naming the first entry that is not an absolute http or https URL
     *         without query or fragment
     */
    static HeaderRecipients of(List<String> baseUrls) {
        return baseUrls.isEmpty() ? EVERY_CALL : new HeaderRecipients(baseUrls.stream().map(Base::parse).toArray(Base[]::new));
    }

    /** Whether a call to {@code uri} carries the tenant header. */
    boolean includes(URI uri) {
        if (bases.length == 0) {
            return true;
        }
        for (Base base : bases) {
            if (base.includes(uri)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return bases.length == 0 ? "every call" : List.of(bases).toString();
    }

    private record Base(String text, String scheme, String host, int port, String path) {

        static Base parse(@Nullable String text) {
            String url = text == null ? "" : text.trim();
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                uri = null;
            }
            String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(SafeText.quote(url) + " is not a base URL: write an absolute http or https URL "
                        + "without query or fragment, such as https://billing.internal or https://api.example/v1.");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return new Base(url, scheme, uri.getHost().toLowerCase(Locale.ROOT), port(scheme, uri.getPort()), path);
        }

        boolean includes(URI uri) {
            String s = uri.getScheme();
            String h = uri.getHost();
            if (s == null || h == null || !scheme.equalsIgnoreCase(s) || !host.equalsIgnoreCase(h) || port != port(scheme, uri.getPort())) {
                return false;
            }
            String p = uri.getRawPath() == null ? "" : uri.getRawPath();
            return path.isEmpty() || p.equals(path) || (p.startsWith(path) && p.charAt(path.length()) == '/');
        }

        private static int port(String scheme, int port) {
            return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
