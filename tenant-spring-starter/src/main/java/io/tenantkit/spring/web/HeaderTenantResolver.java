package io.tenantkit.spring.web;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

import io.tenantkit.spring.http.HttpTokens;

/** Reads the tenant id from one request header; a header sent more than once is invalid. */
final class HeaderTenantResolver implements TenantResolver {

    private final String headerName;
    private final String source;

    HeaderTenantResolver(String headerName) {
        this.headerName = HttpTokens.require(headerName, "header name");
        this.source = "header " + headerName;
    }

    /** The header this resolver reads. */
    String headerName() {
        return headerName;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(headerName);
        if (values == null || !values.hasMoreElements()) {
            return TenantResolution.none();
        }
        String value = values.nextElement();
        if (values.hasMoreElements()) {
            return TenantResolution.invalid("the header " + headerName + " is sent more than once; send it once");
        }
        return TenantResolution.candidate(value);
    }
}
