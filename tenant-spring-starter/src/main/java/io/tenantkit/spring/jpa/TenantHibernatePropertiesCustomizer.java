package io.tenantkit.spring.jpa;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

import org.hibernate.annotations.TenantId;
import org.hibernate.cfg.MultiTenancySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Installs {@link TenantIdentifierResolver} as Hibernate's {@code hibernate.tenant_identifier_resolver}, unless
 * the application sets its own (in {@code spring.jpa.properties} or another customizer that ran before). The
 * resolver is {@link TenantIdentifierResolver#required() required} when one of the persistence unit's managed
 * classes, or a superclass of one, has a {@code @TenantId} field or getter. Its startup phase ends when the
 * application context has been refreshed (after Spring Data's repositories, also deferred ones, are ready), so
 * {@code ApplicationRunner}s and everything later need a tenant.
 */
public final class TenantHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer,
        ApplicationListener<ContextRefreshedEvent>, Ordered {

    private final TenantIdentifierResolver resolver;

    /**
     * A customizer for the persistence unit with these managed classes.
     *
     * @param managedClassNames the persistence unit's entity and embeddable class names (Spring's
     *        {@code PersistenceManagedTypes}); classes that cannot be loaded are skipped
     * @param classLoader the loader of those classes
     */
    public TenantHibernatePropertiesCustomizer(Collection<String> managedClassNames, @Nullable ClassLoader classLoader) {
        this.resolver = new TenantIdentifierResolver(managedClassNames.stream()
                .anyMatch(name -> hasTenantId(name, classLoader)));
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.putIfAbsent(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
    }

    /** Ends the resolver's startup phase, after every other listener of the refresh (deferred repositories). */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        resolver.started();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The resolver this customizer installs. */
    public TenantIdentifierResolver resolver() {
        return resolver;
    }

    private static boolean hasTenantId(String className, @Nullable ClassLoader classLoader) {
        if (!ClassUtils.isPresent(className, classLoader)) {
            return false;
        }
        for (Class<?> type = ClassUtils.resolveClassName(className, classLoader); type != null && type != Object.class;
                type = type.getSuperclass()) {
            if (Stream.concat(Arrays.stream(type.getDeclaredFields()), Arrays.stream(type.getDeclaredMethods()))
                    .anyMatch(TenantHibernatePropertiesCustomizer::isTenantId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTenantId(AnnotatedElement member) {
        return member.isAnnotationPresent(TenantId.class);
    }
}
