package io.tenantkit.spring.view;

import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.web.servlet.i18n.AbstractLocaleContextResolver;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring MVC's locale resolver when a tenant is current: the locale and time zone are the tenant's
 * ({@code LocaleContextHolder.getLocale()} and {@code getTimeZone()} follow it in controllers and
 * views). Without a tenant (an excluded or optional path) it asks the fallback resolver, by default
 * the {@code Accept-Language} header. Changing the locale per request is not supported: it follows the
 * tenant.
 */
public final class TenantLocaleResolver extends AbstractLocaleContextResolver {

    private final LocaleResolver fallback;

    /** A resolver using {@code fallback} for requests without a tenant. */
    public TenantLocaleResolver(LocaleResolver fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant != null) {
            return new SimpleTimeZoneAwareLocaleContext(tenant.locale(), TimeZone.getTimeZone(tenant.timeZone()));
        }
        if (fallback instanceof LocaleContextResolver contextResolver) {
            return contextResolver.resolveLocaleContext(request);
        }
        Locale locale = fallback.resolveLocale(request);
        return new SimpleTimeZoneAwareLocaleContext(locale, getDefaultTimeZone());
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
            @Nullable LocaleContext localeContext) {
        throw new UnsupportedOperationException("The locale follows the tenant (tenantkit.tenants.<id>.locale); "
                + "it cannot be changed per request. Register your own LocaleResolver bean named 'localeResolver' to allow that.");
    }
}
