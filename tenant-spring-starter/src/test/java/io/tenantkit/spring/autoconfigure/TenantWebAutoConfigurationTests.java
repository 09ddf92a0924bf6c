package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.DispatcherType;

import io.tenantkit.spring.web.PrincipalTenantResolver;
import io.tenantkit.spring.web.TenantEntryPolicy;
import io.tenantkit.spring.web.TenantResolver;
import io.tenantkit.spring.web.TenantResolvers;
import io.tenantkit.spring.web.TenantWebFilter;
import io.tenantkit.spring.web.TenantWebFilters;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

class TenantWebAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantWebAutoConfiguration.class))
            .withPropertyValues("tenantkit.tenants.jp.name=Japan");

    @Test
    void registersTheFilterWithTheDefaultChainAndPolicy() {
        runner.run(context -> {
            FilterRegistrationBean<?> registration = context.getBean("tenantWebFilter", FilterRegistrationBean.class);
            TenantWebFilter filter = (TenantWebFilter) registration.getFilter();
            assertThat(registration.getOrder()).isEqualTo(TenantWebFilter.DEFAULT_ORDER);
            assertThat(TenantWebFilters.sources(filter)).containsExactly("header X-Tenant-Id", "authenticated principal");
            assertThat(TenantWebFilters.policy(filter).excludedPaths()).contains("/actuator/**");
            assertThat(TenantWebFilters.policy(filter).unknownTenantStatus()).isEqualTo(404);
            assertThat(TenantWebFilters.policy(filter).suspendedTenantStatus()).isEqualTo(403);
            assertThat(TenantWebFilters.policy(filter).responseHeader()).isEqualTo("X-Tenant-Id");
            assertThat(TenantWebFilters.policy(filter).errorPath()).isEqualTo("/error");
            assertThat(context).hasSingleBean(PrincipalTenantResolver.class);
        });
    }

    @Test
    void theErrorPathFollowsSpringBoots() {
        runner.withPropertyValues("spring.web.error.path=/oops").run(context -> assertThat(
                TenantWebFilters.policy((TenantWebFilter) context.getBean("tenantWebFilter", FilterRegistrationBean.class).getFilter())
                        .errorPath()).isEqualTo("/oops"));
    }

    @Test
    void chainFollowsTheConfiguredOrderAndNames() {
        runner.withPropertyValues("tenantkit.web.resolvers=query,path,host,header", "tenantkit.web.header.name=X-Site",
                "tenantkit.web.query.parameter=site", "tenantkit.web.host.base-domains=shop.example",
                "tenantkit.web.response-header.name=X-Served-Tenant", "tenantkit.web.unknown-tenant-status=400",
                "tenantkit.web.suspended-tenant-status=423", "tenantkit.web.filter-order=5").run(context -> {
                    FilterRegistrationBean<?> registration = context.getBean("tenantWebFilter", FilterRegistrationBean.class);
                    TenantWebFilter filter = (TenantWebFilter) registration.getFilter();
                    assertThat(TenantWebFilters.sources(filter))
                            .containsExactly("query parameter site", "path prefix", "host name", "header X-Site");
                    assertThat(TenantWebFilters.policy(filter).responseHeader()).isEqualTo("X-Served-Tenant");
                    assertThat(TenantWebFilters.policy(filter).unknownTenantStatus()).isEqualTo(400);
                    assertThat(TenantWebFilters.policy(filter).suspendedTenantStatus()).isEqualTo(423);
                    assertThat(registration.getOrder()).isEqualTo(5);
                });
    }

    @Test
    void responseHeaderCanBeTurnedOff() {
        runner.withPropertyValues("tenantkit.web.response-header.enabled=false").run(context -> assertThat(
                TenantWebFilters.policy((TenantWebFilter) context.getBean("tenantWebFilter", FilterRegistrationBean.class).getFilter())
                        .responseHeader()).isNull());
    }

    @Test
    void withoutSpringSecurityThereIsNoPrincipalResolver() {
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run(context -> {
            TenantWebFilter filter = (TenantWebFilter) context.getBean("tenantWebFilter", FilterRegistrationBean.class).getFilter();
            assertThat(TenantWebFilters.sources(filter)).containsExactly("header X-Tenant-Id");
            assertThat(context).doesNotHaveBean("principalTenantResolver");
        });
    }

    @Test
    void disabledByProperty() {
        runner.withPropertyValues("tenantkit.web.enabled=false").run(context -> assertThat(context).doesNotHaveBean("tenantWebFilter"));
    }

    @Test
    void offWhenTenantKitIsDisabled() {
        runner.withPropertyValues("tenantkit.enabled=false").run(context -> assertThat(context).doesNotHaveBean("tenantWebFilter"));
    }

    @Test
    void notRegisteredOutsideAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TenantAutoConfiguration.class, TenantWebAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(TenantRegistry.class);
                    assertThat(context).doesNotHaveBean("tenantWebFilter");
                });
    }

    @Test
    void backsOffToTheApplicationsFilter() {
        runner.withUserConfiguration(OwnFilter.class).run(context -> {
            assertThat(context).doesNotHaveBean("tenantWebFilter");
            assertThat(context).hasSingleBean(TenantWebFilter.class);
        });
    }

    @Test
    void backsOffToTheApplicationsPrincipalResolver() {
        runner.withUserConfiguration(OwnPrincipalResolver.class).run(context -> {
            TenantWebFilter filter = (TenantWebFilter) context.getBean("tenantWebFilter", FilterRegistrationBean.class).getFilter();
            assertThat(TenantWebFilters.resolvers(filter)).contains(context.getBean(TenantWebAutoConfiguration.PRINCIPAL_RESOLVER_BEAN,
                    PrincipalTenantResolver.class));
            assertThat(context.getBean(TenantWebAutoConfiguration.PRINCIPAL_RESOLVER_BEAN)).isSameAs(OwnPrincipalResolver.RESOLVER);
        });
    }

    @Test
    void unsupportedUnknownTenantStatusFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.web.unknown-tenant-status=500").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessage("Invalid property tenantkit.web: The status for an unknown tenant must be 404 or 400, "
                        + "not 500. Fix the value of tenantkit.web."));
    }

    @Test
    void resolverListedTwiceFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.web.resolvers=header,header").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessageStartingWith("Invalid property tenantkit.web.resolvers: resolver 'header' is listed twice"));
    }

    @Test
    void unknownResolverFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.web.resolvers=header,cookie").run(context -> assertThat(context).getFailure()
                .hasStackTraceContaining("Failed to bind properties under 'tenantkit.web.resolvers'"));
    }

    @Test
    void invalidHeaderNameFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.web.header.name=X Tenant").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessageStartingWith("Invalid property tenantkit.web.header.name: The header name must be an HTTP token"));
    }

    @Test
    void trustedCallerThatIsNotAnAddressRangeFailsStartupNamingThePropertyAndValue() {
        runner.withPropertyValues("tenantkit.web.header.trusted-callers=10.0.0.0/8,gateway.internal").run(context -> assertThat(context)
                .getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                .hasMessage("Invalid property tenantkit.web.header.trusted-callers: \"gateway.internal\" is not an IP address or "
                        + "CIDR range: write IPv4 as four decimal numbers 0-255 (10.0.0.0/8, 127.0.0.1) and IPv6 with colons "
                        + "(::1/128, fd00::/8); host names are not accepted. Fix the value of tenantkit.web.header.trusted-callers."));
    }

    /** Regression: the shorthand 10/8 was read as 0.0.0.10/8, trusting no internal caller at all. */
    @Test
    void shorthandIpv4TrustedCallerFailsStartupNamingThePropertyAndValue() {
        runner.withPropertyValues("tenantkit.web.header.trusted-callers=10/8").run(context -> assertThat(context)
                .getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                .hasMessageStartingWith("Invalid property tenantkit.web.header.trusted-callers: \"10/8\" is not an IP address"));
    }

    @Test
    void hostMapKeyMustBeATenantId() {
        runner.withPropertyValues("tenantkit.web.host.hosts.JP=shop.example.jp").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessageContaining("tenantkit.web.host.hosts"));
    }

    @Test
    void hostMappedToTwoTenantsFailsStartup() {
        runner.withPropertyValues("tenantkit.tenants.us.name=US", "tenantkit.web.host.hosts.jp=shop.example",
                "tenantkit.web.host.hosts.us=SHOP.example").run(context -> assertThat(context).getFailure()
                .extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE).hasMessageContaining("is also mapped to tenant"));
    }

    @Test
    void filterIsRegisteredForEveryDispatchType() {
        runner.run(context -> {
            FilterRegistrationBean<?> registration = context.getBean("tenantWebFilter", FilterRegistrationBean.class);
            assertThat(registration.determineDispatcherTypes()).isEqualTo(EnumSet.allOf(DispatcherType.class));
        });
    }

    @Test
    void suspendedTenantsCanBeAnsweredAsUnknown() {
        runner.withPropertyValues("tenantkit.web.suspended-as-unknown=true").run(context -> assertThat(TenantWebFilters.policy(
                (TenantWebFilter) context.getBean("tenantWebFilter", FilterRegistrationBean.class).getFilter()).suspendedAsUnknown()).isTrue());
    }

    @Test
    void requiredPrincipalTenantWrapsThePrincipalResolver() {
        runner.withPropertyValues("tenantkit.web.principal.required=true").run(context -> {
            TenantWebFilter filter = (TenantWebFilter) context.getBean("tenantWebFilter", FilterRegistrationBean.class).getFilter();
            assertThat(TenantWebFilters.resolvers(filter)).hasSize(2).doesNotContain(context.getBean(PrincipalTenantResolver.class));
            assertThat(TenantWebFilters.sources(filter)).containsExactly("header X-Tenant-Id", "authenticated principal");
        });
    }

    @Test
    void requiredPrincipalTenantWithAPrincipalResolverOfAnotherKindFailsStartup() {
        runner.withUserConfiguration(OtherPrincipalResolver.class).withPropertyValues("tenantkit.web.principal.required=true")
                .run(context -> assertThat(context).getFailure().extracting(TenantAutoConfigurationTests::propertyFailure)
                        .asInstanceOf(THROWABLE).hasMessageStartingWith("Invalid property tenantkit.web.principal.required: the "
                                + "principal resolver bean 'principalTenantResolver' is a "));
    }

    /** Regression: with the framework strategy, the leftmost X-Forwarded-For value (client text) passed as a trusted caller. */
    @Test
    void trustedCallersWithTheFrameworkForwardedHeaderStrategyFailStartupNamingBothProperties() {
        runner.withPropertyValues("tenantkit.web.header.trusted-callers=10.0.0.0/8", "server.forward-headers-strategy=framework")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new UntrustworthyCallerAddressFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).startsWith("TenantKit could not start: tenantkit.web.header.trusted-callers "
                            + "[10.0.0.0/8] believes the tenant header only from those addresses, but "
                            + "server.forward-headers-strategy=framework takes the caller's address from the leftmost X-Forwarded-For value.");
                    assertThat(analysis.getAction()).contains("server.forward-headers-strategy=native",
                            "server.tomcat.remoteip.internal-proxies", "tenantkit.web.header.proxy-overwrites-forwarded-for=true");
                });
    }

    @Test
    void trustedCallersWithTheFrameworkStrategyStartWhenTheProxyIsDeclaredToOverwriteTheHeader() {
        runner.withPropertyValues("tenantkit.web.header.trusted-callers=10.0.0.0/8", "server.forward-headers-strategy=FRAMEWORK",
                "tenantkit.web.header.proxy-overwrites-forwarded-for=true").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void trustedCallersWithTheNativeStrategyStart() {
        runner.withPropertyValues("tenantkit.web.header.trusted-callers=10.0.0.0/8", "server.forward-headers-strategy=native")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFilter {
        @Bean
        TenantWebFilter ownTenantFilter(TenantRegistry registry) {
            return new TenantWebFilter(registry, List.of(TenantResolvers.header("X-Own")),
                    TenantEntryPolicy.builder().build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPrincipalResolver {
        static final PrincipalTenantResolver RESOLVER = new PrincipalTenantResolver(auth -> "jp");

        @Bean(TenantWebAutoConfiguration.PRINCIPAL_RESOLVER_BEAN)
        PrincipalTenantResolver principalTenantResolver() {
            return RESOLVER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherPrincipalResolver {
        @Bean(TenantWebAutoConfiguration.PRINCIPAL_RESOLVER_BEAN)
        TenantResolver principalTenantResolver() {
            return TenantResolvers.header("X-Principal-Tenant");
        }
    }
}
