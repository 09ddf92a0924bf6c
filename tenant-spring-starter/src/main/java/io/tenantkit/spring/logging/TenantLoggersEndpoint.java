package io.tenantkit.spring.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.tenantkit.logging.TenantLevelFilter;
import io.tenantkit.logging.TenantLevelOverride;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.UnknownTenantException;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.util.MimeType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/**
 * The {@code tenantloggers} actuator endpoint, shaped like Spring Boot's {@code loggers}: per-tenant log
 * levels of this instance, changeable at runtime.
 * <ul>
 * <li>{@code GET /actuator/tenantloggers}: every override, by tenant and logger;
 * <li>{@code GET /actuator/tenantloggers/{tenant}}: the overrides of one tenant;
 * <li>{@code GET /actuator/tenantloggers/{tenant}/{logger}}: the configured and effective level of one logger
 *     for one tenant;
 * <li>{@code POST /actuator/tenantloggers/{tenant}/{logger}} with {@code {"configuredLevel":"DEBUG"}} and
 *     optionally {@code "expiresAfter":"PT30M"} sets a level; {@code "configuredLevel":null} removes it.
 * </ul>
 * A tenant the registry does not know, an invalid level, logger name or expiry is a 400 problem
 * ({@code application/problem+json}) naming what is wrong; nothing changes.
 */
@Endpoint(id = "tenantloggers")
public final class TenantLoggersEndpoint {

    /** The levels an override may have, most severe first, as in the {@code loggers} endpoint. */
    public static final List<String> LEVELS = List.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    private static final MimeType PROBLEM = MimeType.valueOf("application/problem+json");
    private static final String PROBLEM_TYPE = "https://tenantkit.io/problems/invalid-tenant-logger";

    private final TenantLevelFilter filter;
    private final TenantRegistry registry;

    /**
     * An endpoint over {@code filter}'s overrides, for the tenants of {@code registry}.
     *
     * @param filter the per-tenant level filter
     * @param registry the tenants
     */
    public TenantLoggersEndpoint(TenantLevelFilter filter, TenantRegistry registry) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Every override, by tenant and logger. */
    @ReadOperation
    public TenantLoggersDescriptor tenantLoggers() {
        Map<String, Map<String, LevelDescriptor>> tenants = new LinkedHashMap<>();
        for (TenantLevelOverride override : filter.overrides()) {
            tenants.computeIfAbsent(override.tenant().value(), t -> new LinkedHashMap<>())
                    .put(override.logger(), LevelDescriptor.of(override));
        }
        return new TenantLoggersDescriptor(LEVELS, tenants);
    }

    /** The overrides of one tenant; 400 if the registry does not know it. */
    @ReadOperation
    public WebEndpointResponse<Object> tenantLoggers(@Selector String tenant) {
        try {
            TenantId id = knownTenant(tenant);
            Map<String, LevelDescriptor> loggers = new LinkedHashMap<>();
            for (TenantLevelOverride override : filter.overrides(id)) {
                loggers.put(override.logger(), LevelDescriptor.of(override));
            }
            return new WebEndpointResponse<>(new TenantLoggerLevelsDescriptor(LEVELS, loggers));
        } catch (IllegalArgumentException | UnknownTenantException e) {
            return problem(e);
        }
    }

    /** The configured and effective level of {@code logger} for {@code tenant}; 400 if either is invalid. */
    @ReadOperation
    public WebEndpointResponse<Object> tenantLogger(@Selector String tenant, @Selector String logger) {
        try {
            TenantId id = knownTenant(tenant);
            TenantLevelOverride override = filter.overrideFor(id, logger);
            String configured = override != null && override.logger().equalsIgnoreCase(logger)
                    ? override.level().toString() : null;
            String effective = override != null ? override.level().toString() : effectiveLevel(logger);
            return new WebEndpointResponse<>(new LevelDescriptor(configured, effective,
                    override == null ? null : override.expiresAt()));
        } catch (IllegalArgumentException | UnknownTenantException e) {
            return problem(e);
        }
    }

    /**
     * Sets (or with a null level removes) the level of {@code logger} for {@code tenant}, optionally expiring
     * after {@code expiresAfter} (an ISO-8601 duration such as {@code PT30M}). 204 when done, 400 otherwise.
     */
    @WriteOperation
    public WebEndpointResponse<Object> configureTenantLogLevel(@Selector String tenant, @Selector String logger,
            @Nullable String configuredLevel, @Nullable String expiresAfter) {
        try {
            filter.configure(knownTenant(tenant), logger, configuredLevel, expiresAfter);
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NO_CONTENT);
        } catch (IllegalArgumentException | UnknownTenantException e) {
            return problem(e);
        }
    }

    private TenantId knownTenant(String tenant) {
        TenantId id = TenantId.of(tenant);
        registry.require(id);
        return id;
    }

    private static WebEndpointResponse<Object> problem(RuntimeException e) {
        String detail = String.valueOf(e.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEM_TYPE);
        body.put("title", "Invalid tenant logger request");
        body.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
        body.put("detail", detail);
        return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_BAD_REQUEST, PROBLEM);
    }

    /** The Logback level of {@code logger}: its own logger's, or its nearest existing parent's; creates no logger. */
    private static String effectiveLevel(String logger) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return "";
        }
        for (String name = logger; ; name = name.substring(0, name.lastIndexOf('.'))) {
            Logger existing = context.exists(name);
            if (existing != null) {
                return existing.getEffectiveLevel().toString();
            }
            if (name.lastIndexOf('.') < 0) {
                return context.getLogger(Logger.ROOT_LOGGER_NAME).getEffectiveLevel().toString();
            }
        }
    }

    /**
     * Every override.
     *
     * @param levels the levels an override may have
     * @param tenants by tenant id, then logger name
     */
    public record TenantLoggersDescriptor(List<String> levels, Map<String, Map<String, LevelDescriptor>> tenants) {
    }

    /**
     * The overrides of one tenant.
     *
     * @param levels the levels an override may have
     * @param loggers by logger name
     */
    public record TenantLoggerLevelsDescriptor(List<String> levels, Map<String, LevelDescriptor> loggers) {
    }

    /**
     * One logger's level for one tenant.
     *
     * @param configuredLevel the level set for exactly this logger and tenant, or null
     * @param effectiveLevel the level that applies: the override of the logger or its nearest parent, else Logback's
     * @param expiresAt when the override stops applying, or null
     */
    public record LevelDescriptor(@Nullable String configuredLevel, String effectiveLevel, @Nullable Instant expiresAt) {

        static LevelDescriptor of(TenantLevelOverride override) {
            String level = override.level().toString();
            return new LevelDescriptor(level, level, override.expiresAt());
        }
    }
}
