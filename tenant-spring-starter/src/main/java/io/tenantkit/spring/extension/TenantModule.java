package io.tenantkit.spring.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the configuration class of a tenant module: a jar that serves one tenant (or region). Every
 * extension implementation bean whose class lives in this class's package, or a sub-package, is bound
 * to the module's tenants, so implementations need not repeat them; an
 * {@link io.tenantkit.extension.Extension @Extension} with tenants on a class overrides. A bean
 * declared by a {@code @Bean} method of this class counts as the module's too.
 *
 * <p>Register the class in the module jar's
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}: adding
 * the jar to the application adds the site, removing it removes it, without an edit to shared code.
 *
 * <pre>{@code
 * @AutoConfiguration
 * @TenantModule("jp")
 * public class JpSiteModule {
 *     @Bean JpFeePolicy jpFeePolicy() { return new JpFeePolicy(); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TenantModule {

    /** The tenant ids (countries or regions) the module serves. */
    String[] value();
}
