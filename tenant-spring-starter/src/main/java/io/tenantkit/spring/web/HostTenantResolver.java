package io.tenantkit.spring.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Maps the host name to a tenant: first the explicit host map ({@code shop.example.jp → jp}), then
 * the first label of a subdomain of a base domain ({@code jp.shop.example → jp}).
 */
final class HostTenantResolver implements TenantResolver {

    private final Map<String, String> tenantByHost;
    private final List<String> baseDomainSuffixes;

    HostTenantResolver(Map<String, String> tenantByHost, List<String> baseDomains) {
        this.tenantByHost = Map.copyOf(tenantByHost);
        this.baseDomainSuffixes = baseDomains.stream().map(d -> "." + d.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public String source() {
        return "host name";
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        String host = request.getServerName();
        if (host == null || host.isEmpty()) {
            return TenantResolution.none();
        }
        host = host.toLowerCase(Locale.ROOT);
        String mapped = tenantByHost.get(host);
        if (mapped != null) {
            return TenantResolution.candidate(mapped);
        }
        for (String suffix : baseDomainSuffixes) {
            if (host.length() > suffix.length() && host.endsWith(suffix)) {
                String label = host.substring(0, host.length() - suffix.length());
                return label.indexOf('.') < 0 ? TenantResolution.candidate(label) : TenantResolution.none();
            }
        }
        return TenantResolution.none();
    }
}
