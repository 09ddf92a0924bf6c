package io.tenantkit.spring.web;

import java.util.List;

import io.tenantkit.spring.http.HttpTokens;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What {@link TenantWebFilter} does per path, and how it answers. Immutable; built with
 * {@link #builder()}.
 *
 * <p>Paths are matched with Spring's {@code PathPattern} syntax ({@code /actuator/**}) against the
 * decoded, normalised path within the application. Excluded paths are not touched at all (no tenant,
 * even if the request names one); optional paths get the tenant the request names, if any; the error
 * path, if given, is for error dispatches only, and a request sent to it directly is answered 404;
 * every other path requires a tenant (fail closed).
 */
public final class TenantEntryPolicy {

    /** How a path is treated. */
    enum Mode {
        /** Not touched. */
        EXCLUDED,
        /** Tenant resolved if named, not required. */
        OPTIONAL,
        /** The error page: reached by error dispatches; a request sent to it directly is answered 404. */
        ERROR,
        /** Tenant required. */
        REQUIRED
    }

    /** Slots of the path cache: 2^8, indexed by the top 8 bits of a mixed hash. */
    private static final int CACHE_SLOTS = 256;

    private final List<String> excludedPaths;
    private final List<String> optionalPaths;
    private final PathPattern[] excluded;
    private final PathPattern[] optional;
    private final int unknownTenantStatus;
    private final int suspendedTenantStatus;
    private final boolean suspendedAsUnknown;
    private final @Nullable String responseHeader;
    private final @Nullable String errorPath;

    /**
     * The modes of recently seen paths, one path per slot (a later path replaces it): a request for a
     * path seen before is classified without parsing it or matching a pattern. Bounded whatever paths
     * clients send; the entries are immutable, so a racy read sees a complete entry or none.
     */
    private final @Nullable CachedMode[] cache = new CachedMode[CACHE_SLOTS];

    private TenantEntryPolicy(Builder builder) {
        if (builder.unknownTenantStatus != 404 && builder.unknownTenantStatus != 400) {
            throw new IllegalArgumentException("The status for an unknown tenant must be 404 or 400, not " + builder.unknownTenantStatus + ".");
        }
        if (builder.suspendedTenantStatus != 403 && builder.suspendedTenantStatus != 423) {
            throw new IllegalArgumentException("The status for a suspended tenant must be 403 or 423, not " + builder.suspendedTenantStatus + ".");
        }
        if (builder.responseHeader != null) {
            HttpTokens.require(builder.responseHeader, "response header name");
        }
        this.excludedPaths = builder.excludedPaths;
        this.optionalPaths = builder.optionalPaths;
        this.excluded = parse(excludedPaths);
        this.optional = parse(optionalPaths);
        this.unknownTenantStatus = builder.unknownTenantStatus;
        this.suspendedTenantStatus = builder.suspendedTenantStatus;
        this.suspendedAsUnknown = builder.suspendedAsUnknown;
        this.responseHeader = builder.responseHeader;
        this.errorPath = builder.errorPath;
    }

    /** A builder: no excluded or optional paths, 404 and 403, no response header, no error path. */
    public static Builder builder() {
        return new Builder();
    }

    /** How the decoded path within the application is treated. */
    Mode modeOf(String path) {
        int slot = (path.hashCode() * 0x9E3779B9) >>> 24;
        CachedMode cached = cache[slot];
        if (cached != null && cached.path.equals(path)) {
            return cached.mode;
        }
        Mode mode = classify(path);
        cache[slot] = new CachedMode(path, mode);
        return mode;
    }

    private Mode classify(String path) {
        PathContainer container = RequestPaths.container(path);
        for (PathPattern p : excluded) {
            if (p.matches(container)) {
                return Mode.EXCLUDED;
            }
        }
        if (path.equals(errorPath)) {
            return Mode.ERROR;
        }
        for (PathPattern p : optional) {
            if (p.matches(container)) {
                return Mode.OPTIONAL;
            }
        }
        return Mode.REQUIRED;
    }

    /** Patterns of paths passed through without tenant resolution. */
    public List<String> excludedPaths() {
        return excludedPaths;
    }

    /** Patterns of paths where a tenant is optional. */
    public List<String> optionalPaths() {
        return optionalPaths;
    }

    /** Status for an unknown or inactive tenant: 404 or 400. */
    public int unknownTenantStatus() {
        return unknownTenantStatus;
    }

    /** Status for a suspended tenant: 403 or 423 (unless {@link #suspendedAsUnknown()}). */
    public int suspendedTenantStatus() {
        return suspendedTenantStatus;
    }

    /**
     * Whether a suspended tenant is answered exactly like an unknown one (same status, same problem),
     * so that clients cannot tell which ids exist.
     */
    public boolean suspendedAsUnknown() {
        return suspendedAsUnknown;
    }

    /** Response header echoing the resolved tenant id, or null for none. */
    public @Nullable String responseHeader() {
        return responseHeader;
    }

    /** The path of the error page, answered 404 to a request sent to it directly; null for none. */
    public @Nullable String errorPath() {
        return errorPath;
    }

    @Override
    public String toString() {
        return "TenantEntryPolicy[excluded=" + excludedPaths + ", optional=" + optionalPaths + ", unknown=" + unknownTenantStatus
                + ", suspended=" + (suspendedAsUnknown ? "as unknown" : suspendedTenantStatus) + ", responseHeader=" + responseHeader
                + ", errorPath=" + errorPath + "]";
    }

    private static PathPattern[] parse(List<String> patterns) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return patterns.stream().map(p -> {
            try {
                return parser.parse(p);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid path pattern '" + p + "': " + e.getMessage(), e);
            }
        }).toArray(PathPattern[]::new);
    }

    private record CachedMode(String path, Mode mode) {
    }

    /** Builds a {@link TenantEntryPolicy}; {@link #build()} checks the settings. */
    public static final class Builder {

        private List<String> excludedPaths = List.of();
        private List<String> optionalPaths = List.of();
        private int unknownTenantStatus = 404;
        private int suspendedTenantStatus = 403;
        private boolean suspendedAsUnknown;
        private @Nullable String responseHeader;
        private @Nullable String errorPath;

        private Builder() {
        }

        /** Patterns of paths passed through without tenant resolution, such as {@code /actuator/**}. */
        public Builder excludedPaths(List<String> patterns) {
            this.excludedPaths = List.copyOf(patterns);
            return this;
        }

        /** Patterns of paths where a tenant is resolved if named, but not required. */
        public Builder optionalPaths(List<String> patterns) {
            this.optionalPaths = List.copyOf(patterns);
            return this;
        }

        /** Status for an unknown or inactive tenant: 404 (default) or 400. */
        public Builder unknownTenantStatus(int status) {
            this.unknownTenantStatus = status;
            return this;
        }

        /** Status for a suspended tenant: 403 (default) or 423. */
        public Builder suspendedTenantStatus(int status) {
            this.suspendedTenantStatus = status;
            return this;
        }

        /** Whether to answer a suspended tenant exactly like an unknown one (default false). */
        public Builder suspendedAsUnknown(boolean asUnknown) {
            this.suspendedAsUnknown = asUnknown;
            return this;
        }

        /** The response header echoing the resolved tenant id; null (default) for none. */
        public Builder responseHeader(@Nullable String name) {
            this.responseHeader = name;
            return this;
        }

        /**
         * The path of the error page, such as Spring Boot's {@code /error}, answered 404 to a request sent
         * to it directly (unless excluded); null (default) for none.
         */
        public Builder errorPath(@Nullable String path) {
            this.errorPath = path;
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public TenantEntryPolicy build() {
            return new TenantEntryPolicy(this);
        }
    }
}
