package io.tenantkit.spring.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * Reads the tenant id from a query parameter ({@code ?tenant=jp}). Only the query string is read,
 * never a form body; a parameter given more than once is invalid.
 */
final class QueryParameterTenantResolver implements TenantResolver {

    private final String parameter;
    private final String source;

    QueryParameterTenantResolver(String parameter) {
        this.parameter = TenantResolvers.requireToken(parameter, "query parameter name");
        this.source = "query parameter " + parameter;
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
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.equals(parameter)) {
                continue;
            }
            if (found != null) {
                return TenantResolution.invalid("the query parameter " + parameter + " is given more than once; give it once");
            }
            String raw = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                found = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return TenantResolution.invalid("the query parameter " + parameter + " is not correctly URL-encoded");
            }
        }
        return found == null ? TenantResolution.none() : TenantResolution.candidate(found);
    }
}
