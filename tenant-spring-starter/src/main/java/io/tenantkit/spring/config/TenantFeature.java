package io.tenantkit.spring.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a bean method (or every public method of a bean class) with a feature flag: the method is called only
 * when {@code features.<name>} is {@code true} for the current tenant; otherwise
 * {@link TenantFeatureDisabledException} is thrown, which a web handler answers with a 404 problem of type
 * {@code https://tenantkit.io/problems/feature-disabled}. Without a current tenant the call fails closed.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantFeature {

    /** The feature's name: the key {@code features.<name>}. */
    String value();
}
