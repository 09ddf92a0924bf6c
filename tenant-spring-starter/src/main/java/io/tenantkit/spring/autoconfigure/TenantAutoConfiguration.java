package io.tenantkit.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.tenantkit.spring.config.ModuleTenantFiles;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * The {@link TenantRegistry} bean: built from a {@link TenantSnapshot} bean if the application
 * defines one, otherwise from the tenants declared under {@code tenantkit.tenants.<id>.*} and in the
 * {@code tenantkit.catalog} file, combined with those modules declare in their {@code tenants/<id>/tenant.yml}
 * (see {@link ModuleDeclarations} for the rule; module declarations are not used when the application defines
 * a {@code TenantSnapshot} bean). Backs off entirely when the application defines its own
 * {@code TenantRegistry}.
 *
 * <p>{@code tenantkit.enabled=false} turns this and every other TenantKit auto-configuration off. Those
 * that need a registry run after this one and only when a registry exists (this one's or the
 * application's); the task decorator and the outgoing header need none.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tenantkit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TenantKitProperties.class)
public final class TenantAutoConfiguration {

    TenantAutoConfiguration() {
    }

    /**
     * The registry, from the application's {@code TenantSnapshot} bean or from the properties.
     *
     * @throws InvalidTenantPropertyException if a declaration is invalid, or tenants are declared both
     *         ways
     */
    /**
     * The tenant files modules ship on the class path ({@code tenants/<id>/tenant.yml}).
     *
     * @throws io.tenantkit.config.TenantConfigException if a file cannot be read or two contradict each other
     */
    @Bean
    @ConditionalOnMissingBean
    ModuleTenantFiles moduleTenantFiles(ResourceLoader resources) {
        return ModuleTenantFiles.discover(ResourcePatternUtils.getResourcePatternResolver(resources));
    }

    @Bean
    @ConditionalOnMissingBean
    TenantRegistry tenantRegistry(TenantKitProperties properties, ObjectProvider<TenantSnapshot> snapshot,
            Environment environment, ResourceLoader resources, ModuleTenantFiles modules) {
        TenantSnapshot declared = snapshot.getIfAvailable();
        List<TenantDeclarations.Declared> tenants = new ArrayList<>(
                TenantDeclarations.fromProperties(properties.tenants(), TenantAttributes.read(environment)));
        String catalog = properties.catalog();
        if (catalog != null && !catalog.isBlank()) {
            tenants.addAll(TenantCatalog.read(catalog.trim(), resources));
        }
        if (declared == null) {
            return new TenantRegistry(TenantDeclarations.toSnapshot(ModuleDeclarations.combine(tenants, modules.files(), environment)));
        }
        if (!tenants.isEmpty()) {
            throw new InvalidTenantPropertyException(TenantDeclarations.PREFIX,
                    "tenants are declared both in " + TenantDeclarations.PREFIX + ".* or " + TenantCatalog.PROPERTY + " "
                            + tenants.stream().map(TenantDeclarations.Declared::key).toList() + " and by a TenantSnapshot bean " + declared,
                    "Declare tenants in one place: remove the " + TenantDeclarations.PREFIX + ".* properties and "
                            + TenantCatalog.PROPERTY + ", or the TenantSnapshot bean.");
        }
        return new TenantRegistry(declared);
    }
}
