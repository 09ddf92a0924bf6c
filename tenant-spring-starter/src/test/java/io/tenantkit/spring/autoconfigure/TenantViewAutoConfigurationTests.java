package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import java.util.Locale;

import io.tenantkit.context.TenantContext;
import io.tenantkit.spring.view.TenantLocaleResolver;
import io.tenantkit.spring.view.TenantMessageSource;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

class TenantViewAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantViewAutoConfiguration.class,
                    MessageSourceAutoConfiguration.class));

    @Test
    void localeResolverAndMessageSourceFollowTheTenant() {
        runner.run(context -> {
            assertThat(context.getBean("localeResolver")).isInstanceOf(TenantLocaleResolver.class);
            assertThat(context.getBean("messageSource")).isInstanceOf(TenantMessageSource.class);
        });
    }

    @Test
    void decoratesTheMessageSourceSpringBootBuildsCommonMessagesIncludedAndTenantBundlesStillWin() {
        runner.withPropertyValues("spring.messages.common-messages=classpath:common-messages.properties",
                "tenantkit.tenants.apac.status=inactive", "tenantkit.tenants.jp.parent=apac").run(context -> {
                    MessageSource messages = context.getBean(MessageSource.class);
                    assertThat(messages).isInstanceOf(TenantMessageSource.class);
                    assertThat(((TenantMessageSource) messages).getParentMessageSource()).isInstanceOf(ResourceBundleMessageSource.class);
                    Tenant jp = context.getBean(TenantRegistry.class).require(TenantId.of("jp"));
                    TenantContext.runAs(jp, () -> {
                        assertThat(messages.getMessage("footer", null, Locale.ROOT)).isEqualTo("Shared footer");
                        assertThat(messages.getMessage("greeting", null, Locale.ROOT)).isEqualTo("\u3053\u3093\u306b\u3061\u306f");
                        assertThat(messages.getMessage("region", null, Locale.ROOT)).isEqualTo("APAC");
                    });
                    assertThat(messages.getMessage("greeting", null, Locale.ROOT)).isEqualTo("Hello");
                });
    }

    @Test
    void withoutASharedBundleTheTenantBundlesAnswerAlone() {
        runner.withPropertyValues("spring.messages.basename=absent", "tenantkit.tenants.jp.name=Japan").run(context -> {
            MessageSource messages = context.getBean(MessageSource.class);
            assertThat(((TenantMessageSource) messages).getParentMessageSource()).isNull();
            Tenant jp = context.getBean(TenantRegistry.class).require(TenantId.of("jp"));
            assertThat(TenantContext.supplyAs(jp, () -> messages.getMessage("greeting", null, Locale.ROOT)))
                    .isEqualTo("\u3053\u3093\u306b\u3061\u306f");
            assertThat(messages.getMessage("greeting", null, "none", Locale.ROOT)).isEqualTo("none");
        });
    }

    @Test
    void sharedSettingsOfSpringMessagesApply() {
        runner.withPropertyValues("spring.messages.use-code-as-default-message=true").run(context ->
                assertThat(context.getBean(MessageSource.class).getMessage("no.such.code", null, Locale.ROOT)).isEqualTo("no.such.code"));
    }

    @Test
    void eachCanBeTurnedOff() {
        runner.withPropertyValues("tenantkit.view.locale-resolver=false", "tenantkit.view.messages=false").run(context -> {
            assertThat(context).doesNotHaveBean("localeResolver");
            assertThat(context.getBean("messageSource")).isNotInstanceOf(TenantMessageSource.class);
        });
    }

    @Test
    void backsOffToTheApplicationsBeans() {
        runner.withUserConfiguration(OwnViewBeans.class).run(context -> {
            assertThat(context.getBean("localeResolver")).isInstanceOf(FixedLocaleResolver.class);
            assertThat(context.getBean("messageSource")).isInstanceOf(StaticMessageSource.class);
        });
    }

    @Test
    void noLocaleResolverOutsideAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantViewAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean("localeResolver");
                    assertThat(context.getBean("messageSource")).isInstanceOf(TenantMessageSource.class);
                });
    }

    @Test
    void offWhenTenantKitIsDisabled() {
        runner.withPropertyValues("tenantkit.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean("localeResolver");
            assertThat(context).doesNotHaveBean(TenantMessageSource.class);
        });
    }

    @Test
    void basenameWithoutTenantPlaceholderFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.view.messages-basename=messages").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessageStartingWith("Invalid property tenantkit.view.messages-basename"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnViewBeans {
        @Bean
        LocaleResolver localeResolver() {
            return new FixedLocaleResolver();
        }

        @Bean
        MessageSource messageSource() {
            return new StaticMessageSource();
        }
    }
}
