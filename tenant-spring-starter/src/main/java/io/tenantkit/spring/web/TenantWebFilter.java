package io.tenantkit.spring.web;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.cors.CorsUtils;

/**
 * The unified traffic entry: resolves the tenant of each request and runs the rest of the request
 * inside {@link TenantContext#enter(Tenant)}, so that the tenant (and the MDC key {@code tenant}) is
 * current for everything downstream and gone afterwards, whatever happens.
 *
 * <p>Per request: a raw request URI that is not normalised ({@code /./}, {@code /../}, {@code //},
 * {@code ;}, a backslash, or their encoded forms) is refused with 400 before anything else, so that the
 * filter and Spring MVC see the same path. Then by {@linkplain TenantEntryPolicy path}: excluded paths
 * (and CORS pre-flight requests) are passed through untouched; a request sent directly to the error path
 * is answered 404; otherwise every {@linkplain TenantResolver resolver} is asked, and every source that
 * names a tenant must name the same one. Every id a source names is validated ({@link TenantId}): a
 * malformed one is a 400 whatever the other sources say; two valid ids that differ are a 403. The agreed
 * id is looked up in the {@link TenantRegistry}. Anything wrong is answered with an RFC 9457 problem
 * response ({@link TenantProblem}, {@code Cache-Control: no-store}): never a 5xx, never request text
 * unescaped. A required path without any tenant is a 400; an optional path proceeds without one. When a
 * resolver reads a request header, every response of a filtered path says {@code Vary} on it.
 *
 * <p>The resolved tenant is kept in the request attribute {@link #TENANT_ATTRIBUTE} and re-entered on
 * async, error, forward and include dispatches of the same request; a forward or include into a path
 * that needs a tenant, from a request that has none, is resolved as a request of its own. The tenant is
 * checked once, when the request arrives: a request admitted before its tenant is suspended finishes
 * under it. {@link #TENANT_ID_ATTRIBUTE} and {@link #PROBLEM_ATTRIBUTE} say, for metrics and logs, what
 * the request named and why it was refused.
 *
 * <p>Register it for every dispatch type; Spring Boot's auto-configuration does.
 */
public final class TenantWebFilter implements Filter {

    /**
     * The default filter order: right after Spring Security's filter chain (order -100), so that the
     * authenticated principal is known, and before anything ordered at 0 or later.
     */
    public static final int DEFAULT_ORDER = -90;

    /** The request attribute holding the resolved {@link Tenant}, set when the request is served under it. */
    public static final String TENANT_ATTRIBUTE = TenantWebFilter.class.getName() + ".tenant";

    /**
     * The request attribute holding the {@link TenantId} a request named, validated and agreed by every
     * source, when it is then refused as an unknown, inactive or suspended tenant (a served request has
     * {@link #TENANT_ATTRIBUTE} instead). Only sources the filter believes count (a header from an
     * untrusted caller does not).
     */
    public static final String TENANT_ID_ATTRIBUTE = TenantWebFilter.class.getName() + ".tenantId";

    /** The request attribute holding the {@link TenantProblem} a refused request was answered with. */
    public static final String PROBLEM_ATTRIBUTE = TenantWebFilter.class.getName() + ".problem";

    private static final Logger log = LoggerFactory.getLogger(TenantWebFilter.class);

    private final TenantRegistry registry;
    private final TenantResolver[] resolvers;
    private final TenantEntryPolicy policy;
    private final String sources;
    private final @Nullable String vary;

    /**
     * A filter asking {@code resolvers} in this order.
     *
     * @param registry the tenants
     * @param resolvers the chain; at least one
     * @param policy paths, statuses and the response header
     */
    public TenantWebFilter(TenantRegistry registry, List<? extends TenantResolver> resolvers, TenantEntryPolicy policy) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.resolvers = resolvers.toArray(new TenantResolver[0]);
        this.policy = Objects.requireNonNull(policy, "policy");
        if (this.resolvers.length == 0) {
            throw new IllegalArgumentException("The tenant resolver chain is empty; configure at least one resolver (tenantkit.web.resolvers).");
        }
        this.sources = resolvers.stream().map(TenantResolver::source).collect(Collectors.joining(", "));
        Set<String> headers = new LinkedHashSet<>();
        for (TenantResolver resolver : this.resolvers) {
            TenantResolver inner = resolver instanceof TrustedCallerResolver trusted ? trusted.resolver() : resolver;
            if (inner instanceof HeaderTenantResolver header) {
                headers.add(header.headerName());
            }
        }
        this.vary = headers.isEmpty() ? null : String.join(", ", headers);
    }

    /** The resolvers, in the order they are asked. */
    List<TenantResolver> resolvers() {
        return List.of(resolvers);
    }

    /** The path rules, statuses and response header. */
    TenantEntryPolicy policy() {
        return policy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        switch (request.getDispatcherType()) {
            case REQUEST -> filterRequest(request, response, chain);
            case FORWARD, INCLUDE -> filterDispatch(request, response, chain);
            // An async or error dispatch of a request resolved before: same tenant, no second resolution.
            default -> continueAsResolved(request, response, chain);
        }
    }

    private void filterRequest(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String notNormalized = RequestPaths.notNormalized(request.getRequestURI());
        if (notNormalized != null) {
            refuse(response, reject(request, TenantProblem.NON_NORMALIZED_PATH, 400, "The request path is not normalized: it "
                    + "contains " + notNormalized + ". Send the path as it is meant, without dot segments, empty segments, "
                    + "path parameters or encoded separators.").problem());
            return;
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            // Pre-flight requests never reach a handler and carry no custom headers.
            chain.doFilter(request, response);
            return;
        }
        TenantEntryPolicy.Mode mode = policy.modeOf(RequestPaths.pathWithinApplication(request));
        if (mode == TenantEntryPolicy.Mode.EXCLUDED) {
            chain.doFilter(request, response);
            return;
        }
        if (mode == TenantEntryPolicy.Mode.ERROR) {
            // Spring Boot's error controller answers a direct request with 500; there is nothing here.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (vary != null) {
            addVary(response, vary);
        }
        resolveAndServe(request, response, chain, mode == TenantEntryPolicy.Mode.OPTIONAL);
    }

    /**
     * A forward or include: the tenant of the request if it has one; otherwise the target path is
     * classified and, if it takes a tenant, resolved as a request of its own.
     */
    private void filterDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(TENANT_ATTRIBUTE) instanceof Tenant tenant) {
            serveAs(tenant, request, response, chain);
            return;
        }
        TenantEntryPolicy.Mode mode = policy.modeOf(RequestPaths.pathWithinApplication(request));
        if (mode == TenantEntryPolicy.Mode.EXCLUDED || mode == TenantEntryPolicy.Mode.ERROR) {
            chain.doFilter(request, response);
            return;
        }
        resolveAndServe(request, response, chain, mode == TenantEntryPolicy.Mode.OPTIONAL);
    }

    private void resolveAndServe(HttpServletRequest request, HttpServletResponse response, FilterChain chain, boolean optional)
            throws IOException, ServletException {
        Decision decision = resolve(request, optional);
        if (decision instanceof Serve serve) {
            Tenant tenant = serve.tenant();
            request.setAttribute(TENANT_ATTRIBUTE, tenant);
            String header = policy.responseHeader();
            if (header != null) {
                response.setHeader(header, tenant.id().value());
            }
            serveAs(tenant, request, response, chain);
        } else if (decision instanceof Refuse refuse) {
            refuse(response, refuse.problem());
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void continueAsResolved(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(TENANT_ATTRIBUTE) instanceof Tenant tenant) {
            serveAs(tenant, request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Runs the rest of the chain as {@code tenant}; the scope restores the thread whatever happens. */
    private static void serveAs(Tenant tenant, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try (TenantScope scope = TenantContext.enter(tenant)) {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (log.isDebugEnabled()) {
            log.debug("Rejected a request with {}", ProblemResponses.toJson(problem));
        }
        ProblemResponses.write(response, problem);
    }

    /** Adds {@code names} to the response's {@code Vary} unless it says them (or {@code *}) already. */
    private static void addVary(HttpServletResponse response, String names) {
        if (response.getHeader(HttpHeaders.VARY) != null) {
            Collection<String> existing = response.getHeaders(HttpHeaders.VARY);
            for (String value : existing) {
                for (String token : value.split(",")) {
                    String name = token.trim();
                    if (name.equals("*") || name.equalsIgnoreCase(names)) {
                        return;
                    }
                }
            }
        }
        response.addHeader(HttpHeaders.VARY, names);
    }

    /** What the filter does with a request: serve it under a tenant, refuse it, or serve it without one. */
    private sealed interface Decision permits Serve, Refuse, Unnamed {
    }

    /** A tenant id as validated, or the problem that refuses it. */
    private sealed interface Validated permits Valid, Refuse {
    }

    private record Serve(Tenant tenant) implements Decision {
    }

    private record Refuse(ProblemDetail problem) implements Decision, Validated {
    }

    private enum Unnamed implements Decision {
        INSTANCE
    }

    private record Valid(TenantId id) implements Validated {
    }

    private Decision resolve(HttpServletRequest request, boolean optional) {
        TenantSnapshot snapshot = registry.snapshot();
        int winner = -1;
        String raw = null;
        int disagreeing = -1;
        TenantResolution.Refused refused = null;
        // Every source is asked: the first that names a tenant wins, and every other that names one must
        // name the same. A malformed id from any source is a 400; two valid ids that differ are a 403,
        // decided before the lookup, so that a disagreement is a 403 whether or not the other tenant exists.
        for (int i = 0; i < resolvers.length; i++) {
            TenantResolution resolution = ask(resolvers[i], request, optional, snapshot);
            if (resolution instanceof TenantResolution.Candidate candidate) {
                if (raw == null) {
                    winner = i;
                    raw = candidate.rawId();
                } else if (!raw.equals(candidate.rawId())) {
                    Refuse malformed = malformed(request, resolvers[winner], raw);
                    malformed = malformed != null ? malformed : malformed(request, resolvers[i], candidate.rawId());
                    if (malformed != null) {
                        return malformed;
                    }
                    disagreeing = disagreeing < 0 ? i : disagreeing;
                }
            } else if (resolution instanceof TenantResolution.Invalid invalid) {
                return invalid(request, resolvers[i], invalid.reason());
            } else if (resolution instanceof TenantResolution.Refused r && refused == null) {
                refused = r;
            }
        }
        if (disagreeing >= 0) {
            return reject(request, TenantProblem.TENANT_MISMATCH, 403,
                    "The request names different tenants in " + resolvers[winner].source() + " and " + resolvers[disagreeing].source() + ".");
        }
        if (refused != null) {
            return optional ? Unnamed.INSTANCE : reject(request, TenantProblem.TENANT_NOT_ALLOWED, 403,
                    "This path requires a tenant, and " + refused.reason() + ".");
        }
        if (raw == null) {
            return optional ? Unnamed.INSTANCE : reject(request, TenantProblem.MISSING_TENANT, 400,
                    "This path requires a tenant, and the request names none. Name it in: " + sources + ".");
        }
        Validated validated = validate(request, resolvers[winner], raw);
        if (validated instanceof Refuse refuse) {
            return refuse;
        }
        TenantId id = ((Valid) validated).id();
        Tenant tenant = snapshot.findOrNull(id);
        if (tenant != null && tenant.status() == TenantStatus.ACTIVE) {
            return new Serve(tenant);
        }
        request.setAttribute(TENANT_ID_ATTRIBUTE, id);
        if (tenant != null && tenant.status() == TenantStatus.SUSPENDED && !policy.suspendedAsUnknown()) {
            return reject(request, TenantProblem.SUSPENDED_TENANT, policy.suspendedTenantStatus(),
                    "Tenant '" + id + "' is suspended; its requests are refused.");
        }
        return reject(request, TenantProblem.UNKNOWN_TENANT, policy.unknownTenantStatus(),
                "No tenant '" + id + "' is served here (from " + resolvers[winner].source() + ").");
    }

    /**
     * What {@code resolver} says; on an optional path, the candidate of a tentative resolver (the path
     * prefix) counts only if it is a tenant the registry serves (or suspends, unless suspended tenants are
     * answered as unknown).
     */
    private TenantResolution ask(TenantResolver resolver, HttpServletRequest request, boolean optional, TenantSnapshot snapshot) {
        TenantResolution resolution = resolver.resolve(request);
        if (optional && resolver.tentative() && resolution instanceof TenantResolution.Candidate candidate) {
            Tenant known = TenantId.isValid(candidate.rawId()) ? snapshot.findOrNull(TenantId.of(candidate.rawId())) : null;
            boolean counts = known != null && (known.status() == TenantStatus.ACTIVE
                    || (known.status() == TenantStatus.SUSPENDED && !policy.suspendedAsUnknown()));
            return counts ? resolution : TenantResolution.none();
        }
        return resolution;
    }

    /** The {@link TenantId} {@code raw} stands for, or the problem naming {@code source}. */
    private static Validated validate(HttpServletRequest request, TenantResolver source, String raw) {
        try {
            return new Valid(TenantId.of(raw));
        } catch (InvalidTenantIdException e) {
            return invalid(request, source, e.getMessage());
        }
    }

    private static @Nullable Refuse malformed(HttpServletRequest request, TenantResolver source, String raw) {
        return validate(request, source, raw) instanceof Refuse refuse ? refuse : null;
    }

    private static Refuse invalid(HttpServletRequest request, TenantResolver source, @Nullable String reason) {
        return reject(request, TenantProblem.INVALID_TENANT_ID, 400, "The tenant from " + source.source() + " is invalid: " + reason);
    }

    /** The problem to answer with, remembered on the request in {@link #PROBLEM_ATTRIBUTE}. */
    private static Refuse reject(HttpServletRequest request, TenantProblem problem, int status, String detail) {
        request.setAttribute(PROBLEM_ATTRIBUTE, problem);
        return new Refuse(ProblemResponses.problem(problem, status, detail));
    }

    @Override
    public String toString() {
        return "TenantWebFilter[resolvers: " + sources + "; " + policy + "]";
    }
}
