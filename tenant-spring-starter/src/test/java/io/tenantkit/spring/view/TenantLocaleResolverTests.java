package io.tenantkit.spring.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

class TenantLocaleResolverTests {

    private final TenantLocaleResolver resolver = new TenantLocaleResolver(new AcceptHeaderLocaleResolver());

    @Test
    void localeAndTimeZoneFollowTheTenant() {
        Tenant jp = Tenant.builder("jp").locale(Locale.JAPAN).timeZone(ZoneId.of("Asia/Tokyo")).build();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.FRANCE);

        LocaleContext context = TenantContext.supplyAs(jp, () -> resolver.resolveLocaleContext(request));

        assertThat(context.getLocale()).isEqualTo(Locale.JAPAN);
        assertThat(((TimeZoneAwareLocaleContext) context).getTimeZone()).isEqualTo(TimeZone.getTimeZone("Asia/Tokyo"));
    }

    @Test
    void withoutTenantTheFallbackAnswers() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.FRANCE);

        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.FRANCE);
    }

    @Test
    void localeCannotBeChangedPerRequest() {
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> resolver.setLocale(new MockHttpServletRequest(), null, Locale.FRANCE))
                .withMessageStartingWith("The locale follows the tenant");
    }
}
