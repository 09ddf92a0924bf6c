package io.tenantkit.spring.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/** The {@link TenantModule} configuration classes of an application, by package. */
final class TenantModules {

    /**
     * One module.
     *
     * @param packageName the package of its configuration class
     * @param configuration its configuration class
     * @param tenants the tenants it serves
     */
    record Module(String packageName, Class<?> configuration, List<TenantId> tenants) {

        boolean contains(Class<?> type) {
            String pkg = type.getPackageName();
            return pkg.equals(packageName) || pkg.startsWith(packageName + ".");
        }

        String describe() {
            return "tenant module " + configuration.getName() + " " + tenants;
        }
    }

    private final List<Module> modules;

    private TenantModules(List<Module> modules) {
        this.modules = modules;
    }

    /**
     * The modules among the beans of {@code beanFactory}.
     *
     * @throws TenantModuleException if a module names no tenant or an invalid tenant id, or two share a package
     */
    static TenantModules find(ConfigurableListableBeanFactory beanFactory) {
        List<Module> found = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForAnnotation(TenantModule.class)) {
            Class<?> type = beanFactory.getType(name, false);
            if (type == null) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            TenantModule annotation = Objects.requireNonNull(AnnotatedElementUtils.findMergedAnnotation(type, TenantModule.class));
            if (annotation.value().length == 0) {
                throw new TenantModuleException("@TenantModule on " + type.getName() + " names no tenant.",
                        "Name the tenant (or region) the module serves: @TenantModule(\"jp\").", null);
            }
            List<TenantId> tenants = new ArrayList<>();
            for (String id : annotation.value()) {
                tenants.add(tenantId(type, id));
            }
            found.add(new Module(type.getPackageName(), type, List.copyOf(tenants)));
        }
        for (Module a : found) {
            for (Module b : found) {
                if (a != b && a.packageName.equals(b.packageName)) {
                    throw new TenantModuleException("Tenant modules " + a.configuration.getName() + " and "
                            + b.configuration.getName() + " share package " + a.packageName + ", so their extensions "
                            + "cannot be told apart.", "Give each module its own package.", null);
                }
            }
        }
        return new TenantModules(List.copyOf(found));
    }

    private static TenantId tenantId(Class<?> module, String id) {
        try {
            return TenantId.of(id);
        } catch (InvalidTenantIdException e) {
            throw new TenantModuleException("@TenantModule on " + module.getName() + " names an invalid tenant: "
                    + e.getMessage(), "Name the tenant (or region) the module serves by the id it is declared with "
                    + "(tenantkit.tenants.<id>), such as @TenantModule(\"jp\").", e);
        }
    }

    /**
     * The module of an extension bean: the one whose package holds its class (the most specific),
     * else the one holding the configuration class that declared it with a {@code @Bean} method.
     */
    @Nullable Module moduleOf(Class<?> implementation, BeanDefinition definition, ConfigurableListableBeanFactory beanFactory) {
        Module module = nearest(implementation);
        if (module != null) {
            return module;
        }
        String factoryBean = definition.getFactoryBeanName();
        if (factoryBean != null && beanFactory.containsBean(factoryBean)) {
            Class<?> declaring = beanFactory.getType(factoryBean, false);
            if (declaring != null) {
                return nearest(ClassUtils.getUserClass(declaring));
            }
        }
        return null;
    }

    private @Nullable Module nearest(Class<?> type) {
        Module best = null;
        for (Module m : modules) {
            if (m.contains(type) && (best == null || m.packageName.length() > best.packageName.length())) {
                best = m;
            }
        }
        return best;
    }
}
