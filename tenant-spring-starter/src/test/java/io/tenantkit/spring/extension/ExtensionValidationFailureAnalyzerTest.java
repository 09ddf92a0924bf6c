package io.tenantkit.spring.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tenantkit.extension.Extension;
import io.tenantkit.spring.autoconfigure.TenantExtensionAutoConfiguration;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class ExtensionValidationFailureAnalyzerTest {

    @Test
    void aMissingImplementationIsReportedWithTheFix(CapturedOutput output) {
        start(MissingForUs.class);

        assertThat(output).contains("""
                TenantKit extension bindings are invalid:

                    - Extension point io.tenantkit.spring.extension.ShippingPolicy has no implementation for active tenant us.""")
                .contains("""
                        - Give io.tenantkit.spring.extension.ShippingPolicy an implementation for 'us': add the tenant module \
                        jar that serves it to the application, or declare a global default (a bean implementing \
                        io.tenantkit.spring.extension.ShippingPolicy outside any @TenantModule package, without @Extension \
                        tenants), or declare the point @ExtensionPoint(optional = true) if tenants may go without.""");
    }

    @Test
    void anAmbiguousBindingNamesBothBeans(CapturedOutput output) {
        start(Ambiguous.class);

        assertThat(output).contains("has two implementations for tenant 'jp' at the same priority 0: "
                        + "io.tenantkit.spring.extension.ExtensionValidationFailureAnalyzerTest$JpOne (bean 'jpOne') and "
                        + "io.tenantkit.spring.extension.ExtensionValidationFailureAnalyzerTest$JpTwo (bean 'jpTwo').")
                .contains("- Choose between io.tenantkit.spring.extension.ExtensionValidationFailureAnalyzerTest$JpOne "
                        + "(bean 'jpOne') and io.tenantkit.spring.extension.ExtensionValidationFailureAnalyzerTest$JpTwo "
                        + "(bean 'jpTwo') for io.tenantkit.spring.extension.ShippingPolicy: set @Extension(priority = ...) "
                        + "higher on the one that should answer, or remove the other bean");
    }

    @Test
    void anUnknownTenantIsReportedWithTheProperty(CapturedOutput output) {
        start(UnknownTenant.class);

        assertThat(output).contains("- Declare tenant 'de' (tenantkit.tenants.de.*), remove the module or binding that "
                + "names it, or set tenantkit.extensions.unknown-tenant=warn to ignore such bindings.");
    }

    private static void start(Class<?> config) {
        SpringApplication app = new SpringApplication(config);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatExceptionOfType(RuntimeException.class).isThrownBy(app::run);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(TenantExtensionAutoConfiguration.class)
    static class Base {
        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").build(), Tenant.builder("us").build());
        }
    }

    static class MissingForUs extends Base {
        @Bean
        JpOne jpOne() {
            return new JpOne();
        }
    }

    static class Ambiguous extends Base {
        @Bean
        StandardShipping standardShipping() {
            return new StandardShipping();
        }

        @Bean
        JpOne jpOne() {
            return new JpOne();
        }

        @Bean
        JpTwo jpTwo() {
            return new JpTwo();
        }
    }

    static class UnknownTenant extends Base {
        @Bean
        StandardShipping standardShipping() {
            return new StandardShipping();
        }

        @Bean
        De de() {
            return new De();
        }
    }

    @Extension(tenants = "jp")
    static class JpOne implements ShippingPolicy {
        @Override
        public String carrier() {
            return "one";
        }
    }

    @Extension(tenants = "jp")
    static class JpTwo implements ShippingPolicy {
        @Override
        public String carrier() {
            return "two";
        }
    }

    @Extension(tenants = "de")
    static class De implements ShippingPolicy {
        @Override
        public String carrier() {
            return "dhl";
        }
    }
}
