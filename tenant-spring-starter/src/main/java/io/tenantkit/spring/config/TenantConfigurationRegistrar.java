package io.tenantkit.spring.config;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@code TenantConfiguration<T>} bean per class listed in {@link EnableTenantConfigurationProperties},
 * and collects the classes in one {@link Types} bean that the {@link TenantConfigurationBinder} binds at startup.
 */
final class TenantConfigurationRegistrar implements ImportBeanDefinitionRegistrar {

    /** The bean holding every registered class. */
    static final String TYPES = "io.tenantkit.spring.config.tenantConfigurationTypes";

    /** Every {@link TenantConfigurationProperties} class registered, in registration order. */
    static final class Types {

        final Set<Class<?>> classes = new LinkedHashSet<>();
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        var attributes = metadata.getAnnotationAttributes(EnableTenantConfigurationProperties.class.getName());
        if (attributes == null) {
            return;
        }
        Types types;
        if (registry.containsBeanDefinition(TYPES)) {
            types = (Types) registry.getBeanDefinition(TYPES).getAttribute(TYPES);
        } else {
            Types created = new Types();
            RootBeanDefinition definition = new RootBeanDefinition(Types.class, () -> created);
            definition.setRole(RootBeanDefinition.ROLE_INFRASTRUCTURE);
            definition.setAttribute(TYPES, created);
            registry.registerBeanDefinition(TYPES, definition);
            types = created;
        }
        for (Class<?> type : (Class<?>[]) attributes.get("value")) {
            if (type.getAnnotation(TenantConfigurationProperties.class) == null) {
                throw new IllegalStateException(type.getName() + " is listed in @EnableTenantConfigurationProperties but is not "
                        + "annotated with @TenantConfigurationProperties(\"prefix\"). Annotate it with the prefix of its keys.");
            }
            if (!types.classes.add(type)) {
                continue;
            }
            RootBeanDefinition handle = new RootBeanDefinition(TenantConfiguration.class);
            handle.setTargetType(ResolvableType.forClassWithGenerics(TenantConfiguration.class, type));
            handle.setInstanceSupplier(() -> ((ConfigurableListableBeanFactory) registry)
                    .getBean(TenantConfigurationBinder.class).handle(type));
            registry.registerBeanDefinition(type.getName() + ".tenantConfiguration", handle);
        }
    }
}
