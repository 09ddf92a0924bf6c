package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import io.tenantkit.spring.view.TenantLocaleResolver;
import io.tenantkit.spring.view.TenantMessageSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
