package io.tenantkit.spring.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantFormats;

import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers with what the request sees: tenant, MDC, locale, time zone, formatted money and messages. */
@RestController
class ProbeController {

    private final MessageSource messages;

    ProbeController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping({"/api/whoami", "/ping", "/public/whoami", "/*/api/whoami"})
    Map<String, String> whoami() {
        Tenant tenant = TenantContext.currentOrNull();
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("tenant", tenant == null ? "none" : tenant.id().value());
        seen.put("mdc", Objects.requireNonNullElse(MDC.get(TenantContext.MDC_KEY), "none"));
        seen.put("locale", LocaleContextHolder.getLocale().toLanguageTag());
        seen.put("zone", LocaleContextHolder.getTimeZone().getID());
        if (tenant != null && tenant.currency().isPresent()) {
            seen.put("money", TenantFormats.money(tenant, new BigDecimal("1234.5")));
        }
        seen.put("greeting", messages.getMessage("greeting", null, LocaleContextHolder.getLocale()));
        seen.put("region", messages.getMessage("region", null, LocaleContextHolder.getLocale()));
        return seen;
    }

    @GetMapping("/api/boom")
    String boom() {
        throw new IllegalStateException("the controller failed");
    }
}
