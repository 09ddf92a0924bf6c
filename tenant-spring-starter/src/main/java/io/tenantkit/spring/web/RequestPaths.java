package io.tenantkit.spring.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;

/**
 * The path of a request within the application, and the check that its raw form is normalised.
 *
 * <p>The servlet container decodes and normalises the path it maps ({@code /ping/../api/x} becomes
 * {@code /api/x}), while Spring MVC matches handlers against the raw request URI. For a raw URI without
 * dot segments, empty segments, path parameters, backslashes or encoded forms of these, the two are the
 * same path; {@link #notNormalized(String)} finds the raw URIs for which they may differ, and the filter
 * refuses them before classifying anything.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * The decoded path within the application the container mapped: for an include dispatch, the
     * included resource's; otherwise the request's (after a forward, the target's).
     */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath;
        String pathInfo;
        if (request.getDispatcherType() == DispatcherType.INCLUDE
                && request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH) instanceof String included) {
            servletPath = included;
            pathInfo = (String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO);
        } else {
            servletPath = request.getServletPath();
            pathInfo = request.getPathInfo();
        }
        String path = pathInfo == null ? servletPath : servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    /** The decoded path as a container for {@code PathPattern} matching, with no second round of decoding. */
    static PathContainer container(String decodedPath) {
        return PathContainer.parsePath(decodedPath.replace("%", "%25"), PathContainer.Options.HTTP_PATH);
    }

    /**
     * What makes the raw (undecoded) request URI not normalised, as fixed text safe to show to a
     * client; null when it is normalised. Refused, as Spring Security's {@code StrictHttpFirewall}
     * refuses them: a {@code .} or {@code ..} segment, an empty segment ({@code //}), a path parameter
     * ({@code ;}), a backslash, and the percent-encoded forms of {@code .}, {@code /}, {@code \},
     * {@code ;}, {@code %} and NUL. One pass over the characters, no allocation.
     */
    static @Nullable String notNormalized(String rawUri) {
        int length = rawUri.length();
        for (int i = 0; i < length; i++) {
            char c = rawUri.charAt(i);
            if (c == '/') {
                int next = i + 1 < length ? rawUri.charAt(i + 1) : -1;
                if (next == '/') {
                    return "an empty path segment (//)";
                }
                if (next == '.' && isDotSegment(rawUri, i + 1)) {
                    return "a dot segment (/./ or /../)";
                }
            } else if (c == ';') {
                return "a path parameter (;)";
            } else if (c == '\\') {
                return "a backslash";
            } else if (c == '%' && i + 2 < length && isEncodedSeparator(rawUri.charAt(i + 1), rawUri.charAt(i + 2))) {
                return "an encoded '.', '/', '\\', ';', '%' or NUL";
            }
        }
        return null;
    }

    /** Whether the segment starting at {@code start} (at a '.') is exactly {@code .} or {@code ..}. */
    private static boolean isDotSegment(String uri, int start) {
        int end = start + 1;
        if (end < uri.length() && uri.charAt(end) == '.') {
            end++;
        }
        return end == uri.length() || uri.charAt(end) == '/' || uri.charAt(end) == '?';
    }

    /** {@code %2e %2f %5c %3b %25 %00}, in either case. */
    private static boolean isEncodedSeparator(char high, char low) {
        char l = Character.toLowerCase(low);
        return switch (high) {
            case '2' -> l == 'e' || l == 'f' || l == '5';
            case '5' -> l == 'c';
            case '3' -> l == 'b';
            case '0' -> l == '0';
            default -> false;
        };
    }
}
