package io.tenantkit.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Reports an {@link InvalidTenantPropertyException} as a startup failure naming the property, where it
 * is written (file and line, as Spring Boot's {@code InvalidConfigurationPropertyValueFailureAnalyzer}
 * does) and the fix.
 */
final class InvalidTenantPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTenantPropertyException> {

    private final @Nullable Environment environment;

    InvalidTenantPropertyFailureAnalyzer(@Nullable Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTenantPropertyException cause) {
        Origin origin = cause.origin() != null ? cause.origin() : originOf(cause.property());
        return new FailureAnalysis("TenantKit could not start: property " + cause.property()
                + (origin == null ? "" : " (from " + origin + ")") + " is invalid: " + cause.problem() + ".", cause.action(), cause);
    }

    /** Where {@code property}, or the first property under it (for a tenant as a whole), is written; null if unknown. */
    private @Nullable Origin originOf(String property) {
        if (environment == null) {
            return null;
        }
        // A malformed tenant id is named as tenantkit.tenants["J P"]: look it up as the element it is.
        ConfigurationPropertyName name = ConfigurationPropertyName.adapt(property.replace("[\"", ".").replace("\"]", ""), '.');
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty value = source.getConfigurationProperty(name);
            if (value != null && value.getOrigin() != null) {
                return value.getOrigin();
            }
            if (source instanceof IterableConfigurationPropertySource iterable) {
                Origin under = iterable.stream().filter(name::isAncestorOf).map(source::getConfigurationProperty)
                        .map(p -> p == null ? null : p.getOrigin()).filter(o -> o != null).findFirst().orElse(null);
                if (under != null) {
                    return under;
                }
            }
        }
        return null;
    }
}
