package io.tenantkit.spring.extension.krmodule;

import io.tenantkit.spring.extension.StandardShipping;
import io.tenantkit.spring.extension.TenantModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A tenant module for kr whose extension bean is of a class outside the module's package. */
@Configuration(proxyBeanMethods = false)
@TenantModule("kr")
public class KrTestModule {

    /** Bound to kr because this module's @Bean method declares it, though StandardShipping lives elsewhere. */
    @Bean
    StandardShipping krShipping() {
        return new StandardShipping();
    }
}
