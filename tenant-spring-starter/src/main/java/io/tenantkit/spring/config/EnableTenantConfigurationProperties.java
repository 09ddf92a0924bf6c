package io.tenantkit.spring.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Registers a {@link TenantConfiguration TenantConfiguration&lt;T&gt;} bean for each listed
 * {@link TenantConfigurationProperties} class, as {@code @EnableConfigurationProperties} does for
 * {@code @ConfigurationProperties}. May be repeated on several configuration classes (a module's, the
 * application's); every class is bound and validated for every active tenant at startup, all violations
 * reported at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(TenantConfigurationRegistrar.class)
public @interface EnableTenantConfigurationProperties {

    /** The {@link TenantConfigurationProperties} classes. */
    Class<?>[] value();
}
