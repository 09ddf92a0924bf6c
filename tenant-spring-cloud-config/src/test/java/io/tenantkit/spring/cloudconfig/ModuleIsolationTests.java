package io.tenantkit.spring.cloudconfig;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tenantkit.config.TenantConfigSource;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.spring.autoconfigure.TenantAutoConfiguration;
import io.tenantkit.spring.autoconfigure.TenantConfigAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The adapter is optional: nothing of it, and nothing of Spring Cloud, is needed or loaded without it. */
class ModuleIsolationTests {

    @Test
    void theAdapterUsesNoSpringCloudClassSoItsApplicationsNeedNone() {
        JavaClasses adapter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tenantkit.spring.cloudconfig");
        assertThat(adapter.contain(TenantConfigServerAutoConfiguration.class)).isTrue();
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.cloud..")
                .because("the adapter speaks the config server's HTTP API; a Spring Cloud dependency would come with it")
                .check(adapter);
    }

    @Test
    void anApplicationWithoutTheModuleStartsWithoutAnySpringCloudClassAndReadsNoConfigServer() {
        new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("org.springframework.cloud", "io.tenantkit.spring.cloudconfig"))
                .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantConfigAutoConfiguration.class))
                .withPropertyValues("tenantkit.tenants.jp.name=Japan", "tenantkit.config.server.uri=http://localhost:1")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TenantConfigStore.class)
                        .doesNotHaveBean(TenantConfigSource.class));
    }
}
