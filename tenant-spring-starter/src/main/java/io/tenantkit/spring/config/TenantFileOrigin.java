package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigOrigin;
import org.springframework.boot.origin.Origin;

/**
 * A tenant configuration value's {@link ConfigOrigin} as a Spring Boot {@link Origin}, so that binding errors
 * and failure reports name the tenant file and line.
 *
 * @param origin the layer, file and line
 */
public record TenantFileOrigin(ConfigOrigin origin) implements Origin {

    @Override
    public String toString() {
        return origin.toString();
    }
}
