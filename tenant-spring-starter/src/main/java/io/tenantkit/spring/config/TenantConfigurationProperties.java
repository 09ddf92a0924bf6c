package io.tenantkit.spring.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class (a record or a JavaBean) bound once per active tenant from the keys under a prefix of that
 * tenant's configuration layers, like {@code @ConfigurationProperties} for one tenant at a time. List it in
 * {@link EnableTenantConfigurationProperties} and inject {@link TenantConfiguration TenantConfiguration&lt;T&gt;}.
 *
 * <pre>{@code
 * @TenantConfigurationProperties("marketplace.fees")
 * public record Fees(@DecimalMin("0") @DecimalMax("0.5") BigDecimal rate) { }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantConfigurationProperties {

    /** The prefix of the keys bound, such as {@code marketplace.fees}. */
    String value();
}
