package io.tenantkit.spring.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.tenantkit.extension.ExtensionBinding;
import io.tenantkit.extension.ExtensionPointIndex;
import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Once all singletons exist, binds every singleton bean that implements an extension point to the
 * {@link ExtensionRegistry}: to the tenants of its {@link io.tenantkit.extension.Extension @Extension}
 * annotation, else to those of its {@link TenantModule}, else as the global default. The registry
 * validates the result; an {@link io.tenantkit.extension.ExtensionValidationException} stops startup
 * and is explained by TenantKit's failure analyzer. Created by {@link ExtensionConfigurations}.
 */
public final class ExtensionBeanBinder implements SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(ExtensionBeanBinder.class);

    private final ExtensionRegistry registry;
    private @Nullable ConfigurableListableBeanFactory beanFactory;

    /** A binder filling {@code registry}. */
    ExtensionBeanBinder(ExtensionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        if (!(beanFactory instanceof ConfigurableListableBeanFactory listable)) {
            throw new IllegalStateException("ExtensionBeanBinder needs a ConfigurableListableBeanFactory, got " + beanFactory);
        }
        this.beanFactory = listable;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ConfigurableListableBeanFactory bf = Objects.requireNonNull(beanFactory, "beanFactory");
        TenantModules modules = TenantModules.find(bf);
        List<ExtensionBinding<?>> bindings = new ArrayList<>();
        for (String name : bf.getBeanDefinitionNames()) {
            Class<?> type = ExtensionBeanRegistrar.extensionType(bf, name);
            BeanDefinition definition = bf.getBeanDefinition(name);
            if (type == null || !definition.isSingleton() || ExtensionPointIndex.implementedBy(type).isEmpty()) {
                continue;
            }
            Object bean = bf.getBean(name);
            Class<?> target = AopProxyUtils.ultimateTargetClass(bean);
            TenantModules.Module module = modules.moduleOf(target, definition, bf);
            List<TenantId> tenants = module == null ? List.of() : module.tenants();
            String source = "bean '" + name + "'" + (module == null ? "" : " of " + module.describe());
            bindings.addAll(ExtensionBinding.annotated(bean).implementationType(target).defaultTenants(tenants).source(source).build());
        }
        registry.bindAll(bindings);
        if (log.isInfoEnabled()) {
            log.info("TenantKit bound {} extension implementations to {} extension points", bindings.size(), registry.points().size());
        }
    }
}
