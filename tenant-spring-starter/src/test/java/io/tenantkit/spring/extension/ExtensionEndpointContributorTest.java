package io.tenantkit.spring.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.tenantkit.spring.actuate.TenantDetailsDescriptor;
import io.tenantkit.spring.actuate.TenantsDescriptor;
import io.tenantkit.spring.actuate.TenantsEndpoint;
import io.tenantkit.spring.autoconfigure.TenantEndpointAutoConfiguration;
import io.tenantkit.spring.autoconfigure.TenantExtensionAutoConfiguration;
import io.tenantkit.spring.extension.jpmodule.JpShipping;
import io.tenantkit.spring.extension.jpmodule.JpTestModule;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class ExtensionEndpointContributorTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantExtensionAutoConfiguration.class,
                    TenantEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=tenants")
            .withUserConfiguration(TenantExtensionAutoConfigurationTest.Tenants.class,
                    TenantExtensionAutoConfigurationTest.Shared.class, JpTestModule.class);

    @Test
    void tenantsEndpointShowsWhichImplementationAnswersEveryTenantAndAtWhichLevel() {
        runner.run(context -> {
            TenantsDescriptor all = context.getBean(TenantsEndpoint.class).tenants();

            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) all.details().get("extensions");
            assertThat(extensions.get("points")).isEqualTo(List.of(ShippingPolicy.class.getName()));
            assertThat(extensions.get("matrix")).isEqualTo(Map.of(
                    "apac", Map.of(ShippingPolicy.class.getName(),
                            Map.of("implementation", StandardShipping.class.getName(), "level", "global")),
                    "jp", Map.of(ShippingPolicy.class.getName(),
                            Map.of("implementation", JpShipping.class.getName(), "level", "jp")),
                    "kr", Map.of(ShippingPolicy.class.getName(),
                            Map.of("implementation", StandardShipping.class.getName(), "level", "global")),
                    "us", Map.of(ShippingPolicy.class.getName(),
                            Map.of("implementation", StandardShipping.class.getName(), "level", "global"))));
        });
    }

    @Test
    void oneTenantShowsItsChainAndEveryCandidateInCallOrder() {
        runner.run(context -> {
            TenantDetailsDescriptor jp = context.getBean(TenantsEndpoint.class).tenant("jp");

            assertThat(jp).isNotNull();
            assertThat(jp.details().get("extensions")).isEqualTo(Map.of(ShippingPolicy.class.getName(), Map.of(
                    "implementation", JpShipping.class.getName(),
                    "level", "jp",
                    "chain", List.of("jp", "apac"),
                    "candidates", List.of(
                            Map.of("level", "jp", "implementation", JpShipping.class.getName(), "priority", 0),
                            Map.of("level", "global", "implementation", StandardShipping.class.getName(), "priority", 0)))));
        });
    }

    @Test
    void applicationWithoutExtensionPointsGetsNoExtensionsEntry() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TenantExtensionAutoConfiguration.class,
                        TenantEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoints.web.exposure.include=tenants")
                .withUserConfiguration(TenantExtensionAutoConfigurationTest.Tenants.class)
                .run(context -> {
                    TenantsEndpoint endpoint = context.getBean(TenantsEndpoint.class);
                    assertThat(endpoint.tenants().details()).doesNotContainKey("extensions");
                    assertThat(endpoint.tenant("jp").details()).doesNotContainKey("extensions");
                });
    }

    @Test
    void withoutActuatorNoContributorIsDefined() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).doesNotHaveBean(ExtensionEndpointContributor.class));
    }
}
