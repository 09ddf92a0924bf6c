package io.tenantkit.spring.autoconfigure;

import java.time.ZoneId;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.tenantkit.tenant.TenantStatus;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-level TenantKit settings and the tenants declared in configuration.
 *
 * <pre>
 * tenantkit:
 *   tenants:
 *     apac: { status: inactive }
 *     jp:   { name: Japan, parent: apac, locale: ja-JP, currency: JPY, time-zone: Asia/Tokyo }
 * </pre>
 *
 * @param enabled Whether to enable TenantKit. When false, no TenantKit auto-configuration applies,
 *        even where the application defines its own TenantRegistry.
 * @param tenants Tenants, by id (lower-case letters, digits, '_' and '-'). Declaration order is kept.
 * @param catalog Location of a YAML tenant catalog, such as classpath:tenants.yml or
 *        file:/etc/marketplace/tenants.yml, mapping tenant ids to the values a tenantkit.tenants entry takes.
 *        Read once at startup and not kept in the Environment: for fleets of thousands of tenants.
 */
@ConfigurationProperties("tenantkit")
public record TenantKitProperties(@DefaultValue("true") boolean enabled, Map<String, TenantDeclaration> tenants,
        @Nullable String catalog) {

    /** Copies {@code tenants}, keeping declaration order; a missing map means no tenants. */
    public TenantKitProperties {
        tenants = tenants == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tenants));
    }

    /**
     * One tenant declared under {@code tenantkit.tenants.<id>}. Its free attributes (a plan, a segment),
     * {@code tenantkit.tenants.<id>.attributes.<key>}, are read beside this record (see TenantAttributes).
     *
     * @param name Display name. The id when not set.
     * @param parent Id of the parent tenant, a region or group such as apac, which must be declared too.
     * @param locale Locale for views and messages, such as ja-JP. The root locale when not set.
     * @param currency ISO 4217 currency code, such as JPY. None when not set (a region may have none).
     * @param timeZone Time zone, such as Asia/Tokyo. UTC when not set.
     * @param status Status: active (served), suspended (known, requests refused) or inactive (a region
     *        or an unlaunched site: never served).
     */
    public record TenantDeclaration(@Nullable String name, @Nullable String parent, @Nullable Locale locale,
            @Nullable Currency currency, @Nullable ZoneId timeZone, @DefaultValue("active") TenantStatus status) {

        /** A tenant declared by its attributes alone: every other value defaulted. */
        static final TenantDeclaration DEFAULTS = new TenantDeclaration(null, null, null, null, null, TenantStatus.ACTIVE);
    }
}
