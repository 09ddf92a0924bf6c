package io.tenantkit.spring.config;

/**
 * Thrown instead of calling a {@link TenantFeature} method whose feature is off for the current tenant. A web
 * handler answers it with a 404 problem of type {@code https://tenantkit.io/problems/feature-disabled}.
 */
public final class TenantFeatureDisabledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String feature;
    private final String tenant;

    TenantFeatureDisabledException(String feature, String tenant, String method) {
        super("Feature '" + feature + "' is off for tenant '" + tenant + "', so " + method + " was not called. Turn it on "
                + "with features." + feature + ": true in the tenant's configuration.");
        this.feature = feature;
        this.tenant = tenant;
    }

    /** The feature that is off. */
    public String feature() {
        return feature;
    }

    /** The tenant it is off for. */
    public String tenant() {
        return tenant;
    }
}
