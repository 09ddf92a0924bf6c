package io.tenantkit.spring.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What {@link TenantWebFilter} does per path, and how it answers. Immutable.
 *
 * <p>Paths are matched with Spring's {@code PathPattern} syntax ({@code /actuator/**}) against the
 * decoded, normalised path within the application. Excluded paths are not touched at all (no tenant,
 * even if the request names one); optional paths get the tenant the request names, if any; the error
 * path, if given, is for error dispatches only, and a request sent to it directly is answered 404;
 * every other path requires a tenant (fail closed).
 */
public final class TenantEntryPolicy {

    /** How a path is treated. */
    public enum Mode {
        /** Not touched. */
        EXCLUDED,
        /** Tenant resolved if named, not required. */
        OPTIONAL,
        /** The error page: reached by error dispatches; a request sent to it directly is answered 404. */
        ERROR,
        /** Tenant required. */
        REQUIRED
    }

    private final List<String> excludedPaths;
    private final List<String> optionalPaths;
    private final PathPattern[] excluded;
    private final PathPattern[] optional;
    private final int unknownTenantStatus;
    private final int suspendedTenantStatus;
    private final @Nullable String responseHeader;
    private final @Nullable String errorPath;

    /**
     * Validates and keeps the settings; no path is treated as the error path.
     *
     * @param excludedPaths patterns of paths passed through without tenant resolution
     * @param optionalPaths patterns of paths where a tenant is resolved if named, but not required
     * @param unknownTenantStatus status for an unknown or inactive tenant: 404 or 400
     * @param suspendedTenantStatus status for a suspended tenant: 403 or 423
     * @param responseHeader response header echoing the resolved tenant id, or null for none
     * @throws IllegalArgumentException naming the bad value
     */
    public TenantEntryPolicy(List<String> excludedPaths, List<String> optionalPaths, int unknownTenantStatus,
            int suspendedTenantStatus, @Nullable String responseHeader) {
        this(excludedPaths, optionalPaths, unknownTenantStatus, suspendedTenantStatus, responseHeader, null);
    }

    /**
     * Validates and keeps the settings.
     *
     * @param excludedPaths patterns of paths passed through without tenant resolution
     * @param optionalPaths patterns of paths where a tenant is resolved if named, but not required
     * @param unknownTenantStatus status for an unknown or inactive tenant: 404 or 400
     * @param suspendedTenantStatus status for a suspended tenant: 403 or 423
     * @param responseHeader response header echoing the resolved tenant id, or null for none
     * @param errorPath the path of the error page, such as Spring Boot's {@code /error}, answered 404 to
     *        a request sent to it directly (unless excluded); null for none
     * @throws IllegalArgumentException naming the bad value
     */
    public TenantEntryPolicy(List<String> excludedPaths, List<String> optionalPaths, int unknownTenantStatus,
            int suspendedTenantStatus, @Nullable String responseHeader, @Nullable String errorPath) {
        if (unknownTenantStatus != 404 && unknownTenantStatus != 400) {
            throw new IllegalArgumentException("The status for an unknown tenant must be 404 or 400, not " + unknownTenantStatus + ".");
        }
        if (suspendedTenantStatus != 403 && suspendedTenantStatus != 423) {
            throw new IllegalArgumentException("The status for a suspended tenant must be 403 or 423, not " + suspendedTenantStatus + ".");
        }
        if (responseHeader != null) {
            TenantResolvers.requireToken(responseHeader, "response header name");
        }
        this.excludedPaths = List.copyOf(excludedPaths);
        this.optionalPaths = List.copyOf(optionalPaths);
        this.excluded = parse(this.excludedPaths);
        this.optional = parse(this.optionalPaths);
        this.unknownTenantStatus = unknownTenantStatus;
        this.suspendedTenantStatus = suspendedTenantStatus;
        this.responseHeader = responseHeader;
        this.errorPath = errorPath;
    }

    /** How the decoded path within the application is treated. */
    public Mode modeOf(String path) {
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

    /** Status for a suspended tenant: 403 or 423. */
    public int suspendedTenantStatus() {
        return suspendedTenantStatus;
    }

    /** Response header echoing the resolved tenant id, or null for none. */
    public @Nullable String responseHeader() {
        return responseHeader;
    }

    /** The path of the error page, answered 404 to a request sent to it directly; null for none. */
    public @Nullable String errorPath() {
        return errorPath;
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
}
