/**
 * The tenant in the view: a {@link io.tenantkit.spring.view.TenantLocaleResolver locale resolver}
 * (locale and time zone follow the tenant), {@link io.tenantkit.spring.view.TenantFormats money and
 * date formatting} in the tenant's locale, currency and zone, and per-tenant message bundles through
 * {@link io.tenantkit.spring.view.TenantMessageSource}.
 */
@NullMarked
package io.tenantkit.spring.view;

import org.jspecify.annotations.NullMarked;
