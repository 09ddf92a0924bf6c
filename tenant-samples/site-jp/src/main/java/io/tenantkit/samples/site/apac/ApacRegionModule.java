package io.tenantkit.samples.site.apac;

import io.tenantkit.spring.extension.TenantModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The apac region module: declares the region through {@code tenants/apac/tenant.yml} in this jar; it has no
 * extensions of its own yet, so apac sites fall back to the global defaults where they have none.
 */
@AutoConfiguration
@TenantModule("apac")
public final class ApacRegionModule {
}
