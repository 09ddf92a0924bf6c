package io.tenantkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

import io.tenantkit.spring.http.TenantHeaderExchangeFilter;
import io.tenantkit.spring.http.TenantHeaderInterceptor;
import io.tenantkit.spring.http.TenantRestClientCustomizer;
import io.tenantkit.spring.http.TenantRestTemplateCustomizer;
import io.tenantkit.spring.http.TenantWebClientCustomizer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TenantHttpClientAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantHttpClientAutoConfiguration.class));

    @Test
    void customizesEveryClientWithTheDefaultHeader() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TenantRestClientCustomizer.class)
                    .hasSingleBean(TenantRestTemplateCustomizer.class).hasSingleBean(TenantWebClientCustomizer.class);
            assertThat(context.getBean(TenantHeaderInterceptor.class).headerName()).isEqualTo("X-Tenant-Id");
            assertThat(context.getBean(TenantHeaderExchangeFilter.class).headerName()).isEqualTo("X-Tenant-Id");
        });
    }

    @Test
    void headerNameFollowsTheProperty() {
        runner.withPropertyValues("tenantkit.http-client.header-name=X-Site").run(context -> {
            assertThat(context.getBean(TenantHeaderInterceptor.class).headerName()).isEqualTo("X-Site");
            assertThat(context.getBean(TenantHeaderExchangeFilter.class).headerName()).isEqualTo("X-Site");
        });
    }

    @Test
    void headerNameFollowsTheWebEntrysHeaderWhenNotSet() {
        runner.withPropertyValues("tenantkit.web.header.name=X-Site").run(context -> {
            assertThat(context.getBean(TenantHeaderInterceptor.class).headerName()).isEqualTo("X-Site");
            assertThat(context.getBean(TenantHeaderExchangeFilter.class).headerName()).isEqualTo("X-Site");
        });
    }

    @Test
    void ownHeaderNameWinsOverTheWebEntrys() {
        runner.withPropertyValues("tenantkit.web.header.name=X-Site", "tenantkit.http-client.header-name=X-Country")
                .run(context -> assertThat(context.getBean(TenantHeaderInterceptor.class).headerName()).isEqualTo("X-Country"));
    }

    @Test
    void anInvalidHeaderNameFailsStartupNamingTheProperty() {
        runner.withPropertyValues("tenantkit.http-client.header-name=X Tenant").run(context -> assertThat(context)
                .getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                .hasMessage("Invalid property tenantkit.http-client.header-name: The tenant header name must be an HTTP token "
                        + "(letters, digits and !#$%&'*+-.^_`|~, such as X-Tenant-Id), not \"X Tenant\". Set "
                        + "tenantkit.http-client.header-name to an HTTP token such as X-Tenant-Id."));
    }

    @Test
    void anInvalidWebHeaderNameItFollowsFailsStartupNamingThatProperty() {
        runner.withPropertyValues("tenantkit.web.header.name=X Site").run(context -> assertThat(context)
                .getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                .hasMessageStartingWith("Invalid property tenantkit.web.header.name: The tenant header name must be an HTTP token"));
    }

    @Test
    void allowedBaseUrlThatIsNotAnAbsoluteHttpUrlFailsStartupNamingThePropertyAndValue() {
        runner.withPropertyValues("tenantkit.http-client.allowed-base-urls=https://billing.internal,billing.internal").run(context -> assertThat(context)
                .getFailure().extracting(TenantAutoConfigurationTests::propertyFailure).asInstanceOf(THROWABLE)
                .hasMessageStartingWith("Invalid property tenantkit.http-client.allowed-base-urls: \"billing.internal\" is not a base URL"));
    }

    @Test
    void switchedOffByProperty() {
        runner.withPropertyValues("tenantkit.http-client.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(TenantHeaderInterceptor.class).doesNotHaveBean(TenantHeaderExchangeFilter.class));
    }

    @Test
    void withoutWebFluxThereIsNoWebClientCustomizer() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive")).run(context -> assertThat(
                context).hasSingleBean(TenantRestClientCustomizer.class).doesNotHaveBean(TenantWebClientCustomizer.class));
    }

    @Test
    void backsOffToTheApplicationsOwnInterceptor() {
        runner.withUserConfiguration(OwnInterceptor.class).run(context -> {
            assertThat(context).hasSingleBean(TenantHeaderInterceptor.class);
            assertThat(context.getBean(TenantHeaderInterceptor.class).headerName()).isEqualTo("X-Country");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnInterceptor {

        @Bean
        TenantHeaderInterceptor countryHeader() {
            return new TenantHeaderInterceptor("X-Country");
        }
    }
}
