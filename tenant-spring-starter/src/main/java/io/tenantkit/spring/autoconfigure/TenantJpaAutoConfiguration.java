package io.tenantkit.spring.autoconfigure;

import java.util.List;

import io.tenantkit.spring.jpa.TenantHibernatePropertiesCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * Hibernate's tenant discriminator: when Hibernate and Spring Boot's Hibernate support are on the class path,
 * a {@link TenantHibernatePropertiesCustomizer} makes {@code TenantContext}'s tenant Hibernate's current tenant,
 * so entities with a {@code @TenantId} attribute are separated by tenant in every session.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = {"org.hibernate.context.spi.CurrentTenantIdentifierResolver",
        "org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer"})
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
public final class TenantJpaAutoConfiguration {

    TenantJpaAutoConfiguration() {
    }

    @Configuration(proxyBeanMethods = false)
    static class HibernateTenantConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TenantHibernatePropertiesCustomizer tenantHibernatePropertiesCustomizer(ObjectProvider<PersistenceManagedTypes> types,
                ResourceLoader resources) {
            PersistenceManagedTypes managed = types.getIfAvailable();
            return new TenantHibernatePropertiesCustomizer(managed == null ? List.of() : managed.getManagedClassNames(),
                    resources.getClassLoader());
        }
    }
}
