package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.propagation.TenantFanOut;
import io.tenantkit.spring.http.TenantHeaderInterceptor;
import io.tenantkit.spring.observability.TenantObservationFilter;
import io.tenantkit.spring.propagation.TenantTaskDecorator;
import io.tenantkit.spring.view.TenantMessageSource;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code tenantkit.enabled=false} turns off every TenantKit auto-configuration, including those that do
 * not need a registry (task decorator, outgoing header) and those that would use the application's own
 * {@code TenantRegistry}.
 */
class TenantKitDisabledTests {

    /** Every auto-configuration the starter registers, read from its imports file, so that none is forgotten. */
    private static final List<String> TENANTKIT = ImportCandidates.load(AutoConfiguration.class,
            TenantKitDisabledTests.class.getClassLoader()).getCandidates().stream()
            .filter(name -> name.startsWith("io.tenantkit.spring.")).toList();

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withConfiguration(AutoConfigurations.of(TENANTKIT.stream().map(TenantKitDisabledTests::load).toArray(Class<?>[]::new)))
            .withUserConfiguration(OwnRegistry.class);

    @Test
    void theStarterRegistersSixteenAutoConfigurations() {
        assertThat(TENANTKIT).hasSize(16);
    }

    @Test
    void onByDefaultEvenWithTheApplicationsOwnRegistry() {
        runner.run(context -> assertThat(context).hasSingleBean(TenantTaskDecorator.class)
                .hasSingleBean(TenantHeaderInterceptor.class).hasSingleBean(TenantFanOut.class)
                .hasSingleBean(TenantObservationFilter.class).hasSingleBean(ExtensionRegistry.class)
                .hasSingleBean(TenantMessageSource.class).hasBean("tenantWebFilter"));
    }

    /** Regression: the task decorator and the outgoing header stayed on, and the rest used the application's registry. */
    @Test
    void everyTenantKitAutoConfigurationIsOffWithTenantkitEnabledFalse() {
        runner.withPropertyValues("tenantkit.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("tenantWebFilter");
            assertThat(tenantKitBeans(context)).isEmpty();
        });
    }

    /** The beans of a TenantKit type, except the application's own: what TenantKit's auto-configurations contributed. */
    private static List<String> tenantKitBeans(AssertableWebApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames()).filter(name -> !name.equals("ownRegistry")).filter(name -> {
            Class<?> type = context.getType(name);
            return type != null && type.getName().startsWith("io.tenantkit.") && type.getEnclosingClass() != TenantKitDisabledTests.class;
        }).toList();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is listed in the auto-configuration imports but cannot be loaded", e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {

        @Bean
        TenantRegistry ownRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build());
        }
    }
}
