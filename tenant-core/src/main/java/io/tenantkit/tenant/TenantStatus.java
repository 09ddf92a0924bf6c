package io.tenantkit.tenant;

/** Whether a tenant is served. */
public enum TenantStatus {

    /** Live: requests are served and every extension point must resolve for it. */
    ACTIVE,

    /** Temporarily closed (unpaid, under investigation): known, but requests are refused. */
    SUSPENDED,

    /**
     * Declared but not served: a region or group used only as a parent ({@code apac}), or a site
     * that is not launched yet. Requests naming it are treated like requests for an unknown tenant.
     */
    INACTIVE
}
