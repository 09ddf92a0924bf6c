package io.tenantkit.logging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.UnknownTenantException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.LoggingEvent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Per-tenant log levels, changeable at runtime: a Logback {@link TurboFilter} over an immutable map
 * (tenant, logger name prefix) → level, replaced atomically on every change. While the current tenant
 * (read from {@link TenantContext}, never from the MDC, so a forged MDC value changes nothing) has an
 * override for a logger or one of its parents, the override decides: events at or above its level are
 * logged, others are not, whatever the logger's own level. Every other call is left to Logback.
 *
 * <p>Cost: the filter is in Logback's turbo-filter chain only while an override is set, so with none it
 * costs nothing at all (Logback's own chain handling, which allocates the argument array of every call, is
 * skipped too). With overrides set, a call pays a thread-local read and a map lookup. An override may carry an
 * expiry: it stops applying at that instant (checked against the filter's clock when it matches) and is then
 * dropped. (The per-tenant WARN/ERROR count is an appender, {@link TenantLogEvents}, so that it adds nothing to
 * calls that log nothing.)
 *
 * <p>With a {@link TenantRegistry} bound ({@link #bindTo}), overrides are accepted only for tenants it knows
 * and are dropped with the tenant.
 */
public final class TenantLevelFilter extends TurboFilter {

    /** The logger name covering every logger. */
    public static final String ROOT = Logger.ROOT_LOGGER_NAME;

    private static final int MAX_LOGGER_NAME = 255;

    private final Clock clock;
    private final Object changeLock = new Object();
    private final TenantRegistryListener registryListener = this::tenantsChanged;
    // null while no override is set: the whole cost of the filter on a disabled call.
    private volatile @Nullable Map<TenantId, Rule[]> rules;
    private @Nullable TenantRegistry registry;
    private volatile @Nullable LoggerContext target;

    /** A filter on the system clock. */
    public TenantLevelFilter() {
        this(Clock.systemUTC());
    }

    /** A filter whose expiries follow {@code clock}. */
    public TenantLevelFilter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        setName("tenantkit-levels");
    }

    /**
     * Accepts overrides only for tenants {@code registry} knows, and drops a tenant's overrides when it is
     * removed from the registry. Unbound by {@link #stop()}.
     */
    public void bindTo(TenantRegistry registry) {
        synchronized (changeLock) {
            if (this.registry != null) {
                this.registry.removeListener(registryListener);
            }
            this.registry = registry;
            registry.addListener(registryListener);
        }
        tenantsChanged(registry.snapshot(), registry.snapshot());
    }

    /**
     * Starts this filter for {@code context}: it is in the context's turbo filters whenever an override is
     * set, and out of them otherwise.
     */
    public void installIn(LoggerContext context) {
        setContext(context);
        start();
        synchronized (changeLock) {
            target = context;
            joinOrLeaveChain();
        }
    }

    /** Removes this filter from {@code context}'s turbo filters and stops it. */
    public void removeFrom(LoggerContext context) {
        synchronized (changeLock) {
            target = null;
        }
        context.getTurboFilterList().remove(this);
        stop();
    }

    // Guarded by changeLock.
    private void joinOrLeaveChain() {
        LoggerContext context = target;
        if (context == null) {
            return;
        }
        boolean needed = rules != null;
        boolean present = context.getTurboFilterList().contains(this);
        if (needed && !present) {
            context.addTurboFilter(this);
        } else if (!needed && present) {
            context.getTurboFilterList().remove(this);
        }
    }

    @Override
    public void stop() {
        synchronized (changeLock) {
            if (registry != null) {
                registry.removeListener(registryListener);
                registry = null;
            }
        }
        super.stop();
    }

    /**
     * Sets the level of {@code logger} (and the loggers below it) for {@code tenant}, replacing any level
     * set for that pair before; a null {@code level} removes it.
     *
     * @param tenant the tenant
     * @param logger a logger name, or {@value #ROOT} (any case) for all loggers
     * @param level the level, or null to remove the override
     * @param expiresAfter how long it applies, or null for until removed
     * @throws UnknownTenantException if a registry is bound and does not know {@code tenant}
     * @throws IllegalArgumentException if {@code logger} is not a logger name or {@code expiresAfter} is not positive
     */
    public void setLevel(TenantId tenant, String logger, @Nullable Level level, @Nullable Duration expiresAfter) {
        Objects.requireNonNull(tenant, "tenant");
        String name = loggerName(logger);
        if (expiresAfter != null && (expiresAfter.isZero() || expiresAfter.isNegative())) {
            throw new IllegalArgumentException("The expiry of a tenant log level must be positive, not " + expiresAfter
                    + "; leave it out for a level that stays until it is removed.");
        }
        synchronized (changeLock) {
            if (level != null && registry != null) {
                registry.require(tenant);
            }
            Map<TenantId, List<Rule>> next = mutableCopy();
            List<Rule> tenantRules = next.computeIfAbsent(tenant, t -> new ArrayList<>());
            tenantRules.removeIf(rule -> rule.logger.equals(name));
            if (level != null) {
                Instant expiresAt = expiresAfter == null ? null : clock.instant().plus(expiresAfter);
                tenantRules.add(new Rule(name, level, expiresAt));
            }
            publish(next);
        }
    }

    /** Like {@link #setLevel(TenantId, String, Level, Duration)} with no expiry. */
    public void setLevel(TenantId tenant, String logger, @Nullable Level level) {
        setLevel(tenant, logger, level, null);
    }

    /**
     * Like {@link #setLevel(TenantId, String, Level, Duration)} with the level and expiry as text, the way an
     * endpoint or a property gives them.
     *
     * @param level {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR} (or {@code FATAL}, the
     *        same) or {@code OFF}, in any case; null removes the override
     * @param expiresAfter an ISO-8601 duration such as {@code PT30M}, or null for until removed
     * @throws IllegalArgumentException naming the bad value if the level, logger or expiry is invalid
     * @throws UnknownTenantException if a registry is bound and does not know {@code tenant}
     */
    public void configure(TenantId tenant, String logger, @Nullable String level, @Nullable String expiresAfter) {
        Duration expiry = null;
        if (expiresAfter != null) {
            try {
                expiry = Duration.parse(expiresAfter);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid expiry " + quote(expiresAfter) + " of the level of logger "
                        + quote(logger) + " for tenant '" + tenant + "': use an ISO-8601 duration such as PT30M.", e);
            }
        }
        setLevel(tenant, logger, level == null ? null : parseLevel(tenant, logger, level), expiry);
    }

    private static Level parseLevel(TenantId tenant, String logger, String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        if ("FATAL".equals(upper)) {
            return Level.ERROR;
        }
        Level parsed = Level.toLevel(upper, null);
        if (parsed == null || parsed.levelInt == Level.ALL_INT || !parsed.toString().equals(upper)) {
            throw new IllegalArgumentException("Invalid level " + quote(level) + " for logger " + quote(logger)
                    + " of tenant '" + tenant + "': use one of OFF, ERROR, WARN, INFO, DEBUG, TRACE, or null to remove it.");
        }
        return parsed;
    }

    /** Removes every override of {@code tenant}. */
    public void clear(TenantId tenant) {
        synchronized (changeLock) {
            Map<TenantId, List<Rule>> next = mutableCopy();
            if (next.remove(tenant) != null) {
                publish(next);
            }
        }
    }

    /** Every override in force, by tenant and logger name; expired ones are dropped on the way. */
    public List<TenantLevelOverride> overrides() {
        return overrides(null);
    }

    /** The overrides in force for {@code tenant}, by logger name. */
    public List<TenantLevelOverride> overrides(@Nullable TenantId tenant) {
        dropExpired();
        Map<TenantId, Rule[]> current = rules;
        List<TenantLevelOverride> result = new ArrayList<>();
        if (current != null) {
            current.forEach((id, tenantRules) -> {
                if (tenant == null || tenant.equals(id)) {
                    for (Rule rule : tenantRules) {
                        result.add(new TenantLevelOverride(id, rule.logger, rule.level, rule.expiresAt));
                    }
                }
            });
        }
        result.sort(Comparator.comparing(TenantLevelOverride::tenant).thenComparing(TenantLevelOverride::logger));
        return result;
    }

    /**
     * The override that decides for {@code logger} under {@code tenant}: the one set on the logger or its
     * nearest parent; null if none applies.
     */
    public @Nullable TenantLevelOverride overrideFor(TenantId tenant, String logger) {
        Map<TenantId, Rule[]> current = rules;
        Rule rule = current == null ? null : match(current.get(tenant), loggerName(logger));
        if (rule == null || rule.expired(clock)) {
            return null;
        }
        return new TenantLevelOverride(tenant, rule.logger, rule.level, rule.expiresAt);
    }

    @Override
    public FilterReply decide(@Nullable Marker marker, Logger logger, Level level, @Nullable String format,
            Object @Nullable [] params, @Nullable Throwable t) {
        Map<TenantId, Rule[]> current = rules;
        return current == null ? FilterReply.NEUTRAL : decide(current, logger, level);
    }

    @Override
    public FilterReply decide(Logger logger, LoggingEvent event) {
        // The fluent API (atDebug().log(...)) asks with the event it built.
        Map<TenantId, Rule[]> current = rules;
        return current == null ? FilterReply.NEUTRAL : decide(current, logger, Level.convertAnSLF4JLevel(event.getLevel()));
    }

    private FilterReply decide(Map<TenantId, Rule[]> current, Logger logger, Level level) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            return FilterReply.NEUTRAL;
        }
        Rule rule = match(current.get(tenant.id()), logger.getName());
        if (rule == null) {
            return FilterReply.NEUTRAL;
        }
        if (rule.expired(clock)) {
            dropExpired();
            return FilterReply.NEUTRAL;
        }
        return level.levelInt >= rule.level.levelInt ? FilterReply.ACCEPT : FilterReply.DENY;
    }

    private static @Nullable Rule match(Rule @Nullable [] tenantRules, String logger) {
        if (tenantRules != null) {
            // Longest name first: the nearest parent wins.
            for (Rule rule : tenantRules) {
                if (rule.covers(logger)) {
                    return rule;
                }
            }
        }
        return null;
    }

    private void dropExpired() {
        Map<TenantId, Rule[]> current = rules;
        if (current == null) {
            return;
        }
        synchronized (changeLock) {
            Map<TenantId, List<Rule>> next = mutableCopy();
            boolean changed = false;
            for (List<Rule> tenantRules : next.values()) {
                changed |= tenantRules.removeIf(rule -> rule.expired(clock));
            }
            if (changed) {
                publish(next);
            }
        }
    }

    private void tenantsChanged(TenantSnapshot previous, TenantSnapshot current) {
        synchronized (changeLock) {
            Map<TenantId, List<Rule>> next = mutableCopy();
            if (next.keySet().removeIf(id -> current.indexOf(id) < 0)) {
                publish(next);
            }
        }
    }

    // Guarded by changeLock.
    private Map<TenantId, List<Rule>> mutableCopy() {
        Map<TenantId, List<Rule>> copy = new HashMap<>();
        Map<TenantId, Rule[]> current = rules;
        if (current != null) {
            current.forEach((id, tenantRules) -> copy.put(id, new ArrayList<>(List.of(tenantRules))));
        }
        return copy;
    }

    // Guarded by changeLock.
    private void publish(Map<TenantId, List<Rule>> next) {
        Map<TenantId, Rule[]> frozen = new HashMap<>();
        next.forEach((id, tenantRules) -> {
            if (!tenantRules.isEmpty()) {
                tenantRules.sort(Comparator.comparingInt((Rule rule) -> rule.prefix.length()).reversed());
                frozen.put(id, tenantRules.toArray(new Rule[0]));
            }
        });
        rules = frozen.isEmpty() ? null : Map.copyOf(frozen);
        joinOrLeaveChain();
    }

    private static String loggerName(String logger) {
        Objects.requireNonNull(logger, "logger");
        if (logger.equalsIgnoreCase(ROOT)) {
            return ROOT;
        }
        boolean valid = !logger.isEmpty() && logger.length() <= MAX_LOGGER_NAME && !logger.startsWith(".")
                && !logger.endsWith(".");
        for (int i = 0; valid && i < logger.length(); i++) {
            char c = logger.charAt(i);
            valid = Character.isJavaIdentifierPart(c) && c < 0x7f || c == '.' || c == '-';
        }
        if (!valid) {
            throw new IllegalArgumentException("Invalid logger name " + quote(logger) + ": a logger name is 1 to "
                    + MAX_LOGGER_NAME + " ASCII letters, digits, '.', '_', '$' or '-', such as io.example.payout, "
                    + "or ROOT for all loggers.");
        }
        return logger;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(80).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.append(text.length() > 80 ? "...\"" : "\"").toString();
    }

    /** One override: the logger name, the prefix it covers ("" for ROOT), its level and expiry. */
    private static final class Rule {

        final String logger;
        final String prefix;
        final Level level;
        final @Nullable Instant expiresAt;
        final long expiresAtMillis;

        Rule(String logger, Level level, @Nullable Instant expiresAt) {
            this.logger = logger;
            this.prefix = ROOT.equals(logger) ? "" : logger;
            this.level = level;
            this.expiresAt = expiresAt;
            this.expiresAtMillis = expiresAt == null ? Long.MAX_VALUE : expiresAt.toEpochMilli();
        }

        boolean covers(String name) {
            int length = prefix.length();
            if (length == 0) {
                return true;
            }
            if (!name.startsWith(prefix)) {
                return false;
            }
            if (name.length() == length) {
                return true;
            }
            char next = name.charAt(length);
            return next == '.' || next == '$';
        }

        boolean expired(Clock clock) {
            return expiresAtMillis != Long.MAX_VALUE && clock.millis() >= expiresAtMillis;
        }
    }
}
