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
 * @param enabled whether TenantKit's auto-configuration is active; {@code false} turns off the registry
 *        and everything that needs it
 * @param tenants the tenants, by id (lower-case letters, digits, {@code _} and {@code -}); declaration
 *        order is kept
 * @param catalog location of a YAML tenant catalog (such as classpath:tenants.yml or
 *        file:/etc/marketplace/tenants.yml) mapping tenant ids to the same values as tenantkit.tenants; read
 *        once at startup and not kept in the Environment, for fleets of thousands of tenants
 */
@ConfigurationProperties("tenantkit")
public record TenantKitProperties(@DefaultValue("true") boolean enabled, Map<String, TenantDeclaration> tenants,
        @Nullable String catalog) {

    /** Copies {@code tenants}, keeping declaration order; a missing map means no tenants. */
    public TenantKitProperties {
        tenants = tenants == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tenants));
    }

    /**
     * One tenant declared under {@code tenantkit.tenants.<id>}. Its free attributes,
     * {@code tenantkit.tenants.<id>.attributes.<key>}, are read beside this record (see TenantAttributes).
     *
     * @param name display name; the id when not set
     * @param parent id of the parent tenant (a region or group such as {@code apac}), which must be declared too
     * @param locale locale for views and messages, such as {@code ja-JP}; {@code Locale.ROOT} when not set
     * @param currency ISO 4217 currency code, such as {@code JPY}; none when not set (a region may have none)
     * @param timeZone time zone, such as {@code Asia/Tokyo}; UTC when not set
     * @param status {@code active} (served), {@code suspended} (known, requests refused) or {@code inactive}
     *        (a region or an unlaunched site: never served)
     */
    public record TenantDeclaration(@Nullable String name, @Nullable String parent, @Nullable Locale locale,
            @Nullable Currency currency, @Nullable ZoneId timeZone, @DefaultValue("active") TenantStatus status) {

        /** A tenant declared by its attributes alone: every other value defaulted. */
        static final TenantDeclaration DEFAULTS = new TenantDeclaration(null, null, null, null, null, TenantStatus.ACTIVE);
    }
}
