package io.tenantkit.spring.web;

import java.util.List;

/** Test access to a filter's chain and policy, for tests outside this package (the auto-configuration's). */
public final class TenantWebFilters {

    private TenantWebFilters() {
    }

    /** The resolvers, in order. */
    public static List<TenantResolver> resolvers(TenantWebFilter filter) {
        return filter.resolvers();
    }

    /** The sources of the resolvers, in order, such as {@code header X-Tenant-Id}. */
    public static List<String> sources(TenantWebFilter filter) {
        return filter.resolvers().stream().map(TenantResolver::source).toList();
    }

    /** The policy. */
    public static TenantEntryPolicy policy(TenantWebFilter filter) {
        return filter.policy();
    }
}
