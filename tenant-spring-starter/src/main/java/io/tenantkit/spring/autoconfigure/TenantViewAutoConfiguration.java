package io.tenantkit.spring.autoconfigure;

import io.tenantkit.spring.view.TenantLocaleResolver;
import io.tenantkit.spring.view.TenantMessageSource;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The tenant in the view: Spring MVC's {@code localeResolver} follows the tenant, and the
 * {@code messageSource} looks in the tenant's own bundles ({@code tenants/<id>/messages*.properties},
 * then its parents') before the shared one. The shared one is the message source Spring Boot builds
 * from {@code spring.messages.*} (all of it, {@code common-messages} included): TenantKit decorates it
 * rather than binding those properties again. Each backs off when the application defines a bean of
 * that name, and can be turned off under {@code tenantkit.view.*}.
 */
@AutoConfiguration(after = {TenantAutoConfiguration.class, MessageSourceAutoConfiguration.class},
        beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnBean(TenantRegistry.class)
@EnableConfigurationProperties(TenantViewProperties.class)
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
public final class TenantViewAutoConfiguration {

    private static final String BASENAME_PROPERTY = "tenantkit.view.messages-basename";
    private static final String BASENAME_ACTION = "Use a base name containing {tenant}, such as tenants/{tenant}/messages.";

    TenantViewAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tenantkit.view.messages", matchIfMissing = true)
    static class MessagesConfiguration {

        /** Puts the tenants' bundles in front of the message source Spring Boot builds from {@code spring.messages.*}. */
        @Bean
        @ConditionalOnMissingBean
        static TenantMessageSourceDecorator tenantMessageSourceDecorator(ObjectProvider<TenantRegistry> registry,
                ObjectProvider<TenantViewProperties> properties, ObjectProvider<MessageSourceProperties> shared) {
            return new TenantMessageSourceDecorator(registry, properties, shared);
        }

        /** Without a shared bundle Spring Boot builds no message source: then the tenants' bundles alone. */
        @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
        @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
        TenantMessageSource messageSource(TenantRegistry registry, TenantViewProperties properties) {
            return tenantMessageSource(registry, null, properties, new MessageSourceProperties());
        }
    }

    static TenantMessageSource tenantMessageSource(TenantRegistry registry, @Nullable MessageSource shared,
            TenantViewProperties properties, MessageSourceProperties sharedProperties) {
        TenantMessageSource source = InvalidTenantPropertyException.ifValid(BASENAME_PROPERTY, BASENAME_ACTION,
                () -> new TenantMessageSource(registry, shared, properties.messagesBasename(), sharedProperties.getEncoding(),
                        TenantViewAutoConfiguration.class.getClassLoader()));
        source.setUseCodeAsDefaultMessage(sharedProperties.isUseCodeAsDefaultMessage());
        source.setAlwaysUseMessageFormat(sharedProperties.isAlwaysUseMessageFormat());
        return source;
    }

    /**
     * Replaces the {@code messageSource} of Spring Boot's {@code MessageSourceAutoConfiguration}, once built,
     * by a {@link TenantMessageSource} asking it last. A {@code messageSource} of the application's own is
     * left alone.
     */
    static final class TenantMessageSourceDecorator implements BeanPostProcessor, BeanFactoryAware {

        private final ObjectProvider<TenantRegistry> registry;
        private final ObjectProvider<TenantViewProperties> properties;
        private final ObjectProvider<MessageSourceProperties> shared;
        private @Nullable ConfigurableListableBeanFactory beanFactory;

        TenantMessageSourceDecorator(ObjectProvider<TenantRegistry> registry, ObjectProvider<TenantViewProperties> properties,
                ObjectProvider<MessageSourceProperties> shared) {
            this.registry = registry;
            this.properties = properties;
            this.shared = shared;
        }

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory instanceof ConfigurableListableBeanFactory listable ? listable : null;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof MessageSource messageSource && isSpringBoots(beanName)) {
                return tenantMessageSource(registry.getObject(), messageSource, properties.getObject(),
                        shared.getIfAvailable(MessageSourceProperties::new));
            }
            return bean;
        }

        private boolean isSpringBoots(String beanName) {
            ConfigurableListableBeanFactory factory = beanFactory;
            return AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName) && factory != null
                    && factory.containsBeanDefinition(beanName)
                    && MessageSourceAutoConfiguration.class.getName().equals(factory.getBeanDefinition(beanName).getFactoryBeanName());
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
