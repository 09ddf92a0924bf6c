package io.tenantkit.spring.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the tenant id from the first path segment: {@code /jp/products → jp}. The path is not
 * rewritten. Tentative: on optional paths a first segment that is no known tenant names none.
 */
final class PathPrefixTenantResolver implements TenantResolver {

    @Override
    public String source() {
        return "path prefix";
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        String path = RequestPaths.pathWithinApplication(request);
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        String segment = end < 0 ? path.substring(start) : path.substring(start, end);
        return segment.isEmpty() ? TenantResolution.none() : TenantResolution.candidate(segment);
    }

    @Override
    public boolean tentative() {
        return true;
    }
}
