package io.tenantkit.spring.autoconfigure;

import java.time.Duration;

import io.tenantkit.spring.view.TenantLocaleResolver;
import io.tenantkit.spring.view.TenantMessageSource;
import io.tenantkit.tenant.TenantRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The tenant in the view: Spring MVC's {@code localeResolver} follows the tenant, and the
 * {@code messageSource} looks in the tenant's own bundles ({@code tenants/<id>/messages*.properties},
 * then its parents') before the shared bundle configured by {@code spring.messages.*}. Each backs off
 * when the application defines a bean of that name, and can be turned off under {@code tenantkit.view.*}.
 */
@AutoConfiguration(after = TenantAutoConfiguration.class, before = MessageSourceAutoConfiguration.class,
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnBean(TenantRegistry.class)
@EnableConfigurationProperties(TenantViewProperties.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
public final class TenantViewAutoConfiguration {

    TenantViewAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tenantkit.view.messages", matchIfMissing = true)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    static class MessagesConfiguration {

        /** Per-tenant bundles first, then the shared bundle of {@code spring.messages.*}. */
        @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
        TenantMessageSource messageSource(TenantRegistry registry, TenantViewProperties properties, Environment environment) {
            MessageSourceProperties shared = Binder.get(environment)
                    .bindOrCreate("spring.messages", MessageSourceProperties.class);
            ResourceBundleMessageSource sharedSource = new ResourceBundleMessageSource();
            sharedSource.setBasenames(shared.getBasename().stream().map(StringUtils::trimAllWhitespace).toArray(String[]::new));
            sharedSource.setDefaultEncoding(shared.getEncoding().name());
            sharedSource.setFallbackToSystemLocale(shared.isFallbackToSystemLocale());
            Duration cacheDuration = shared.getCacheDuration();
            if (cacheDuration != null) {
                sharedSource.setCacheMillis(cacheDuration.toMillis());
            }
            sharedSource.setAlwaysUseMessageFormat(shared.isAlwaysUseMessageFormat());
            TenantMessageSource source = InvalidTenantPropertyException.ifValid("tenantkit.view.messages-basename",
                    "Use a base name containing {tenant}, such as tenants/{tenant}/messages.",
                    () -> new TenantMessageSource(registry, sharedSource, properties.messagesBasename(), shared.getEncoding(),
                            TenantViewAutoConfiguration.class.getClassLoader()));
            source.setUseCodeAsDefaultMessage(shared.isUseCodeAsDefaultMessage());
            source.setAlwaysUseMessageFormat(shared.isAlwaysUseMessageFormat());
            return source;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(LocaleResolver.class)
    @ConditionalOnBooleanProperty(name = "tenantkit.view.locale-resolver", matchIfMissing = true)
    static class LocaleResolverConfiguration {

        /** The tenant's locale and time zone; {@code Accept-Language} for requests without a tenant. */
        @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
        @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
        LocaleResolver localeResolver() {
            return new TenantLocaleResolver(new AcceptHeaderLocaleResolver());
        }
    }
}
