package io.tenantkit.spring.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class TenantMessageSourceTests {

    private final TenantRegistry registry = TenantRegistry.of(
            Tenant.builder("apac").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("jp").parent("apac").locale(Locale.JAPAN).build(),
            Tenant.builder("us").locale(Locale.US).build());

    private final TenantMessageSource messages = new TenantMessageSource(registry, shared(),
            TenantMessageSource.DEFAULT_BASENAME_PATTERN, StandardCharsets.UTF_8, getClass().getClassLoader());

    @Test
    void tenantBundleComesFirstThenParentsThenShared() {
        Tenant jp = registry.require(TenantId.of("jp"));

        TenantContext.runAs(jp, () -> {
            assertThat(messages.getMessage("greeting", null, Locale.JAPAN)).isEqualTo("こんにちは");
            assertThat(messages.getMessage("region", null, Locale.JAPAN)).isEqualTo("APAC");
            assertThat(messages.getMessage("farewell", null, Locale.JAPAN)).isEqualTo("Goodbye");
            assertThat(messages.getMessage("welcome", new Object[] {"Aiko"}, Locale.JAPAN)).isEqualTo("ようこそ Aiko");
        });
    }

    @Test
    void tenantWithoutBundleGetsTheSharedOne() {
        TenantContext.runAs(registry.require(TenantId.of("us")), () -> {
            assertThat(messages.getMessage("greeting", null, Locale.US)).isEqualTo("Hello");
            assertThat(messages.getMessage("welcome", new Object[] {"Ann"}, Locale.US)).isEqualTo("Welcome Ann");
        });
    }

    @Test
    void withoutTenantOnlyTheSharedBundleAnswers() {
        assertThat(messages.getMessage("greeting", null, Locale.JAPAN)).isEqualTo("Hello");
    }

    @Test
    void chainsFollowANewSnapshot() {
        Tenant jp = registry.require(TenantId.of("jp"));
        TenantContext.runAs(jp, () -> assertThat(messages.getMessage("region", null, Locale.JAPAN)).isEqualTo("APAC"));

        registry.update(s -> s.with(jp.toBuilder().parent((TenantId) null).build()));

        TenantContext.runAs(registry.require(TenantId.of("jp")),
                () -> assertThat(messages.getMessage("region", null, Locale.JAPAN)).isEqualTo("Global"));
    }

    @Test
    void basenamePatternMustNameTheTenant() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TenantMessageSource(registry, shared(), "messages", StandardCharsets.UTF_8, null))
                .withMessage("The tenant message bundle pattern 'messages' must contain {tenant}, such as tenants/{tenant}/messages.");
    }

    /** The shared bundle: src/test/resources/messages.properties. */
    private static ResourceBundleMessageSource shared() {
        ResourceBundleMessageSource shared = new ResourceBundleMessageSource();
        shared.setBasename("messages");
        shared.setFallbackToSystemLocale(false);
        return shared;
    }
}
