package io.tenantkit.spring.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import io.tenantkit.spring.http.HttpTokens;

import org.jspecify.annotations.Nullable;

/**
 * Reads the tenant id from a query parameter ({@code ?tenant=jp}). Only the query string is read,
 * never a form body. Names and values are decoded as the servlet container decodes them (UTF-8,
 * {@code +} as space), so {@code %74enant} is the parameter {@code tenant}, as {@code @RequestParam}
 * sees it; a parameter given more than once, or a query that cannot be decoded, is invalid.
 */
final class QueryParameterTenantResolver implements TenantResolver {

    private final String parameter;
    private final String source;
    private final TenantResolution twice;
    private final TenantResolution badlyEncoded;

    QueryParameterTenantResolver(String parameter) {
        this.parameter = HttpTokens.require(parameter, "query parameter name");
        this.source = "query parameter " + parameter;
        this.twice = TenantResolution.invalid("the query parameter " + parameter + " is given more than once; give it once");
        this.badlyEncoded = TenantResolution.invalid("the query string is not correctly URL-encoded, so the query parameter "
                + parameter + " cannot be read");
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return TenantResolution.none();
        }
        @Nullable String found = null;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int eq = query.indexOf('=', start);
            int nameEnd = eq < 0 || eq > end ? end : eq;
            String name = decode(query.substring(start, nameEnd));
            if (name == null) {
                return badlyEncoded;
            }
            if (name.equals(parameter)) {
                if (found != null) {
                    return twice;
                }
                found = nameEnd == end ? "" : decode(query.substring(nameEnd + 1, end));
                if (found == null) {
                    return badlyEncoded;
                }
            }
            start = end + 1;
        }
        return found == null ? TenantResolution.none() : TenantResolution.candidate(found);
    }

    /** {@code text} decoded as a form-encoded query part, or null when it cannot be. */
    private static @Nullable String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
