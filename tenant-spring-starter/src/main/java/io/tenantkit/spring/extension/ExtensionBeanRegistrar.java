package io.tenantkit.spring.extension;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.extension.ExtensionPointIndex;
import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.extension.ExtensionRouter;
import io.tenantkit.extension.ExtensionRouters;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;

/**
 * Registers, for every extension point that some bean implements or that an
 * {@linkplain ExtensionPointIndex extension point index} on the class path lists, a primary router
 * bean of the point's type (so that shared code injecting {@code FeePolicy} gets the router, never one
 * country's implementation) and an {@code ExtensionHandle<FeePolicy>} bean (for reducers). Both take
 * their handle from the {@link ExtensionRegistry} bean, which validates the point from then on: a point
 * whose last implementing module was taken away still gets its beans, so a required one fails
 * validation naming the tenants and an optional one answers {@code currentOrNull()} with null. Created by
 * {@link ExtensionConfigurations}.
 */
public final class ExtensionBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

    /** Bean definition attribute set on the beans this registrar adds, holding the point. */
    static final String POINT_ATTRIBUTE = ExtensionBeanRegistrar.class.getName() + ".point";

    /** Creates the registrar. */
    ExtensionBeanRegistrar() {
    }

    /** The name of the router bean of {@code point}. */
    public static String routerBeanName(Class<?> point) {
        return point.getName() + "#tenantRouter";
    }

    /** The name of the {@link ExtensionHandle} bean of {@code point}. */
    public static String handleBeanName(Class<?> point) {
        return point.getName() + "#extensionHandle";
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
            return;
        }
        for (Class<?> point : points(beanFactory)) {
            if (!registry.containsBeanDefinition(routerBeanName(point))) {
                registry.registerBeanDefinition(routerBeanName(point), router(point, beanFactory));
            }
            if (!registry.containsBeanDefinition(handleBeanName(point))) {
                registry.registerBeanDefinition(handleBeanName(point), handle(point, beanFactory));
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    /** The extension points indexed on the bean class path, and those implemented by beans of {@code beanFactory} other than routers. */
    static Set<Class<?>> points(ConfigurableListableBeanFactory beanFactory) {
        Set<Class<?>> points = new TreeSet<>(Comparator.comparing(Class::getName));
        ClassLoader loader = beanFactory.getBeanClassLoader();
        points.addAll(ExtensionPointIndex.load(loader != null ? loader : ExtensionBeanRegistrar.class.getClassLoader()));
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = extensionType(beanFactory, name);
            if (type != null) {
                points.addAll(ExtensionPointIndex.implementedBy(type));
            }
        }
        return points;
    }

    /** The type of bean {@code name} if it is a singleton that may implement extension points (not a router), else null. */
    static @org.jspecify.annotations.Nullable Class<?> extensionType(ConfigurableListableBeanFactory beanFactory, String name) {
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        if (definition.isAbstract() || definition.getAttribute(POINT_ATTRIBUTE) != null) {
            return null;
        }
        Class<?> type = beanFactory.getType(name, false);
        if (type == null || ExtensionRouter.class.isAssignableFrom(type)) {
            return null;
        }
        return type;
    }

    private static <T> RootBeanDefinition router(Class<T> point, BeanFactory beanFactory) {
        RootBeanDefinition definition = new RootBeanDefinition(point,
                () -> ExtensionRouters.create(beanFactory.getBean(ExtensionRegistry.class).handle(point)));
        definition.setTargetType(point);
        definition.setPrimary(true);
        definition.setAttribute(POINT_ATTRIBUTE, point);
        return definition;
    }

    private static RootBeanDefinition handle(Class<?> point, BeanFactory beanFactory) {
        RootBeanDefinition definition = new RootBeanDefinition(ExtensionHandle.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(ExtensionHandle.class, point));
        definition.setInstanceSupplier(() -> beanFactory.getBean(ExtensionRegistry.class).handle(point));
        definition.setAttribute(POINT_ATTRIBUTE, point);
        return definition;
    }
}
