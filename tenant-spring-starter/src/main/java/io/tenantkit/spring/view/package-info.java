/**
 * The tenant in the view: a {@link io.tenantkit.spring.view.TenantLocaleResolver locale resolver}
 * (locale and time zone follow the tenant) and per-tenant message bundles through
 * {@link io.tenantkit.spring.view.TenantMessageSource}. Money and date formatting in the tenant's
 * locale, currency and zone is core's {@link io.tenantkit.tenant.TenantFormats}.
 */
@NullMarked
package io.tenantkit.spring.view;

import org.jspecify.annotations.NullMarked;
