package io.tenantkit.spring.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A web app behind Spring Security's HTTP Basic: alice belongs to jp, bob to us, carol to no tenant,
 * and mallory holds two tenant authorities.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ProbeController.class)
class SecuredWebTestApp {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/ping", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("alice").password("{noop}secret").authorities("TENANT_jp", "ROLE_USER").build(),
                User.withUsername("bob").password("{noop}secret").authorities("TENANT_us").build(),
                User.withUsername("carol").password("{noop}secret").authorities("ROLE_USER").build(),
                User.withUsername("mallory").password("{noop}secret").authorities("TENANT_jp", "TENANT_us").build());
    }
}
