package io.tenantkit.spring.ops;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application with the operations page on, behind Spring Security as docs/observability.md shows it: the
 * actuator (the page included) needs the {@code OPS} role; everything else is open.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:ops-test.properties")
class OpsTestApp {

    static final String USER = "sre";
    static final String PASSWORD = "ops-test-password";
    static final String EXPOSURE = "management.endpoints.web.exposure.include=tenantops,tenants,tenantloggers";

    // tag::security[]
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("OPS"))
                .httpBasic(Customizer.withDefaults())
                // The actuator's write operations accept only JSON, which no cross-site form can send.
                .csrf(csrf -> csrf.disable())
                .build();
    }
    // end::security[]

    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).roles("OPS").build());
    }
}
