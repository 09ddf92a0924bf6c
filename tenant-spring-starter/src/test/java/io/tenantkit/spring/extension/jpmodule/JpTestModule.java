package io.tenantkit.spring.extension.jpmodule;

import io.tenantkit.spring.extension.TenantModule;
import io.tenantkit.spring.extension.jpmodule.internal.YamatoDirectory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A tenant module for jp: its extensions need not name the tenant. */
@Configuration(proxyBeanMethods = false)
@TenantModule("jp")
public class JpTestModule {

    @Bean
    YamatoDirectory yamatoDirectory() {
        return new YamatoDirectory();
    }

    @Bean
    JpShipping jpShipping(YamatoDirectory directory) {
        return new JpShipping(directory);
    }
}
