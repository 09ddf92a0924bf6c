package io.tenantkit.extension;

import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The scenario of {@link FeeScenario} in TenantKit, bound the way users bind it: by the {@link Extension}
 * annotations on {@link Fees}, in core's {@link ExtensionRegistry}, and, for the injected-bean variant, in
 * a Spring Boot application with the TenantKit starter, where the three implementations are ordinary
 * beans and shared code injects {@link FeeCalculator} (the router the starter registers).
 *
 * <p>Both run over {@link FeeScenario#TENANTS}, so the tenant a benchmark enters belongs to the snapshot
 * the tables were built from, as a tenant resolved by the web filter does.
 */
final class TenantKitFees {

    private TenantKitFees() {
    }

    /** Core only: a registry over the scenario's tenants, bound from the annotations. */
    static ExtensionRegistry registry() {
        return ExtensionRegistry.builder(new TenantRegistry(FeeScenario.TENANTS))
                .bindAll(ExtensionBinding.annotated(Fees.JP).build()).bindAll(ExtensionBinding.annotated(Fees.APAC).build()).bindAll(ExtensionBinding.annotated(Fees.GLOBAL).build())
                .build();
    }

    /** Spring Boot: the starter's auto-configuration, the scenario's tenants, the three fee beans. */
    static ConfigurableApplicationContext startSpring() {
        return new SpringApplicationBuilder(SpringFees.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run();
    }

    /** What a Boot application with country modules declares: the tenants and the implementations. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SpringFees {

        @Bean
        TenantSnapshot tenants() {
            return FeeScenario.TENANTS;
        }

        @Bean
        Fees.Jp jpFee() {
            return (Fees.Jp) Fees.JP;
        }

        @Bean
        Fees.Apac apacFee() {
            return (Fees.Apac) Fees.APAC;
        }

        @Bean
        Fees.Global globalFee() {
            return (Fees.Global) Fees.GLOBAL;
        }
    }
}
