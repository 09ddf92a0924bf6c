package io.tenantkit.tenant;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One tenant: a country site such as {@code jp}, or a region or group such as {@code apac} that
 * other tenants name as their parent. Immutable; build one with {@link #builder(String)}.
 *
 * <p>The parent chain ({@code jp → apac}) is the fallback order for extensions and configuration;
 * after the last parent comes the global default. Two tenants are equal when all their declared
 * values are equal.
 */
public final class Tenant {

    private final TenantId id;
    private final String name;
    private final @Nullable TenantId parent;
    private final Locale locale;
    private final @Nullable Currency currency;
    private final ZoneId timeZone;
    private final TenantStatus status;
    private final Map<String, String> attributes;

    // Set only on the copies a TenantSnapshot makes: the snapshot this instance belongs to and its
    // dense index there. Lets TenantSnapshot.indexOf answer with a reference check and a field read.
    final @Nullable TenantSnapshot owner;
    final int index;

    private Tenant(Builder b) {
        this.id = b.id;
        this.name = b.name == null ? b.id.value() : b.name;
        this.parent = b.parent;
        this.locale = b.locale;
        this.currency = b.currency;
        this.timeZone = b.timeZone;
        this.status = b.status;
        this.attributes = Map.copyOf(b.attributes);
        this.owner = null;
        this.index = -1;
        if (id.equals(parent)) {
            throw new TenantDeclarationException(TenantDeclarationException.Kind.SELF_PARENT, List.of(id),
                    "Tenant '" + id + "' names itself as its parent; a parent must be another tenant.");
        }
    }

    private Tenant(Tenant source, TenantSnapshot owner, int index) {
        this.id = source.id;
        this.name = source.name;
        this.parent = source.parent;
        this.locale = source.locale;
        this.currency = source.currency;
        this.timeZone = source.timeZone;
        this.status = source.status;
        this.attributes = source.attributes;
        this.owner = owner;
        this.index = index;
    }

    /** Starts a tenant with the given id (validated, see {@link TenantId}). */
    public static Builder builder(String id) {
        return new Builder(TenantId.of(id));
    }

    /** Starts a tenant with the given id. */
    public static Builder builder(TenantId id) {
        return new Builder(Objects.requireNonNull(id, "id"));
    }

    /** Returns a builder holding this tenant's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id).name(name).locale(locale).timeZone(timeZone).status(status).attributes(attributes);
        b.parent = parent;
        b.currency = currency;
        return b;
    }

    Tenant registeredIn(TenantSnapshot snapshot, int index) {
        return new Tenant(this, snapshot, index);
    }

    /** The id. */
    public TenantId id() {
        return id;
    }

    /** A display name; the id when none was given. */
    public String name() {
        return name;
    }

    /** The parent tenant (a region or group), if any. */
    public Optional<TenantId> parent() {
        return Optional.ofNullable(parent);
    }

    /** The locale for views and messages; {@link Locale#ROOT} when none was given. */
    public Locale locale() {
        return locale;
    }

    /** The currency, if the tenant has one (a region may not). */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /** The time zone; UTC when none was given. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** Whether the tenant is served. */
    public TenantStatus status() {
        return status;
    }

    /** Shorthand for {@code status() == ACTIVE}. */
    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** Free, immutable attributes (plan, merchant segment, ...). */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The attribute named {@code key}, if set. */
    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || (o instanceof Tenant t && id.equals(t.id) && name.equals(t.name)
                && Objects.equals(parent, t.parent) && locale.equals(t.locale)
                && Objects.equals(currency, t.currency) && timeZone.equals(t.timeZone)
                && status == t.status && attributes.equals(t.attributes));
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, parent, locale, currency, timeZone, status, attributes);
    }

    @Override
    public String toString() {
        return "Tenant[" + id + (parent == null ? "" : " < " + parent) + ", " + status + "]";
    }

    /** Builds a {@link Tenant}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {

        private final TenantId id;
        private @Nullable String name;
        private @Nullable TenantId parent;
        private Locale locale = Locale.ROOT;
        private @Nullable Currency currency;
        private ZoneId timeZone = ZoneOffset.UTC;
        private TenantStatus status = TenantStatus.ACTIVE;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(TenantId id) {
            this.id = id;
        }

        /**
         * A display name.
         *
         * @throws TenantDeclarationException if it is blank
         */
        public Builder name(String name) {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new TenantDeclarationException(TenantDeclarationException.Kind.BLANK_NAME, List.of(id),
                        "Tenant '" + id + "': the name must not be blank.");
            }
            this.name = name;
            return this;
        }

        /** The parent tenant id (validated), or null for none. */
        public Builder parent(@Nullable String parent) {
            this.parent = parent == null ? null : TenantId.of(parent);
            return this;
        }

        /** The parent tenant id, or null for none. */
        public Builder parent(@Nullable TenantId parent) {
            this.parent = parent;
            return this;
        }

        /** The locale. */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The currency, or null for none. */
        public Builder currency(@Nullable Currency currency) {
            this.currency = currency;
            return this;
        }

        /** The currency by ISO 4217 code such as {@code JPY}. */
        public Builder currency(String isoCode) {
            try {
                this.currency = Currency.getInstance(Objects.requireNonNull(isoCode, "isoCode"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Tenant '" + id + "': " + SafeText.quote(isoCode)
                        + " is not an ISO 4217 currency code (such as JPY, USD, EUR).", e);
            }
            return this;
        }

        /** The time zone. */
        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
            return this;
        }

        /** The status; {@link TenantStatus#ACTIVE} by default. */
        public Builder status(TenantStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Sets one attribute. */
        public Builder attribute(String key, String value) {
            attributes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets several attributes. */
        public Builder attributes(Map<String, String> attributes) {
            attributes.forEach(this::attribute);
            return this;
        }

        /**
         * Builds the tenant.
         *
         * @throws TenantDeclarationException if the tenant names itself as its parent
         */
        public Tenant build() {
            return new Tenant(this);
        }
    }
}
