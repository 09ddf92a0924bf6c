package io.tenantkit.spring.web;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
import org.springframework.http.ProblemDetail;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The unified traffic entry: resolves the tenant of each request and runs the rest of the request
 * inside {@link TenantContext#enter(Tenant)}, so that the tenant (and the MDC key {@code tenant}) is
 * current for everything downstream and gone afterwards, whatever happens.
 *
 * <p>Per request, by {@linkplain TenantEntryPolicy path}: excluded paths (and CORS pre-flight requests)
 * are passed through untouched; a request sent directly to the error path is answered 404; otherwise
 * the {@linkplain TenantResolver resolvers} are asked in order and the first answer wins. A resolver
 * that {@linkplain TenantResolver#mustAgree() must agree} (the principal) is asked too, and when it
 * names a tenant, every source that names one must name the same. Every id a consulted source names is
 * validated ({@link TenantId}): a malformed one is a 400 whatever the other sources say; two valid
 * ids that differ are a 403. The agreed id is looked up in the {@link TenantRegistry}. Anything wrong
 * is answered with an RFC 9457 problem response ({@link TenantProblem}): never a 5xx, never request
 * text unescaped. A required path without any tenant is a 400; an optional path proceeds without one.
 *
 * <p>The resolved tenant is kept in the request attribute {@link #TENANT_ATTRIBUTE} and re-entered on
 * async and error dispatches of the same request, and echoed in a response header if configured.
 * {@link #TENANT_ID_ATTRIBUTE} and {@link #PROBLEM_ATTRIBUTE} say, for metrics and logs, what the
 * request named and why it was refused.
 */
public final class TenantWebFilter extends OncePerRequestFilter {

    /**
     * The default filter order: right after Spring Security's filter chain (order -100), so that the
     * authenticated principal is known, and before anything ordered at 0 or later.
     */
    public static final int DEFAULT_ORDER = -90;

    /** The request attribute holding the resolved {@link Tenant}, set when the request is served under it. */
    public static final String TENANT_ATTRIBUTE = TenantWebFilter.class.getName() + ".tenant";

    /**
     * The request attribute holding the {@link TenantId} the request names, once validated and agreed
     * by every source that must agree; set before the registry lookup, so also on a request then refused
     * as an unknown, inactive or suspended tenant. Only sources the filter believes count (a header from
     * an untrusted caller does not).
     */
    public static final String TENANT_ID_ATTRIBUTE = TenantWebFilter.class.getName() + ".tenantId";

    /** The request attribute holding the {@link TenantProblem} a refused request was answered with. */
    public static final String PROBLEM_ATTRIBUTE = TenantWebFilter.class.getName() + ".problem";

    private static final Logger log = LoggerFactory.getLogger(TenantWebFilter.class);

    private final TenantRegistry registry;
    private final TenantResolver[] resolvers;
    private final TenantEntryPolicy policy;
    private final String sources;

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
    }

    /** The resolvers, in the order they are asked. */
    public List<TenantResolver> resolvers() {
        return List.of(resolvers);
    }

    /** The path rules, statuses and response header. */
    public TenantEntryPolicy policy() {
        return policy;
    }

    /** CORS pre-flight requests: they never reach a handler and carry no custom headers. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return CorsUtils.isPreFlightRequest(request);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            // An async or error dispatch of a request resolved before: same tenant, no second resolution.
            if (request.getAttribute(TENANT_ATTRIBUTE) instanceof Tenant tenant) {
                doFilterAs(tenant, request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
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
        Object outcome = resolve(request, mode == TenantEntryPolicy.Mode.OPTIONAL);
        if (outcome instanceof ProblemDetail problem) {
            if (log.isDebugEnabled()) {
                log.debug("Rejected a request with {}", ProblemResponses.toJson(problem));
            }
            ProblemResponses.write(response, problem);
            return;
        }
        if (outcome instanceof Tenant tenant) {
            request.setAttribute(TENANT_ATTRIBUTE, tenant);
            String header = policy.responseHeader();
            if (header != null) {
                response.setHeader(header, tenant.id().value());
            }
            doFilterAs(tenant, request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Runs the rest of the chain as {@code tenant}; the scope restores the thread whatever happens. */
    private static void doFilterAs(Tenant tenant, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        try (TenantScope scope = TenantContext.enter(tenant)) {
            chain.doFilter(request, response);
        }
    }

    /** The tenant, a problem, or null (no tenant on an optional path). */
    private @Nullable Object resolve(HttpServletRequest request, boolean optional) {
        TenantSnapshot snapshot = registry.snapshot();
        TenantResolver winner = null;
        String raw = null;
        int i = 0;
        for (; i < resolvers.length; i++) {
            TenantResolution resolution = ask(resolvers[i], request, optional, snapshot);
            if (resolution instanceof TenantResolution.Candidate candidate) {
                winner = resolvers[i];
                raw = candidate.rawId();
                break;
            }
            if (resolution instanceof TenantResolution.Invalid invalid) {
                return invalid(request, resolvers[i], invalid.reason());
            }
        }
        if (winner == null || raw == null) {
            return optional ? null : reject(request, TenantProblem.MISSING_TENANT, 400,
                    "This path requires a tenant, and the request names none. Name it in: " + sources + ".");
        }
        Object validated = validate(request, winner, raw);
        if (!(validated instanceof TenantId id)) {
            return validated;
        }
        // First answer wins, except that a resolver which must agree (the principal) and every other
        // source that names a tenant must name the same one, whatever their order. A malformed id from
        // any of them is a 400; two valid ids that differ are a 403, checked before the lookup, so that
        // a disagreement is a 403 whether or not the other tenant exists.
        for (int j = 0; j < resolvers.length; j++) {
            if (j == i || !(winner.mustAgree() || resolvers[j].mustAgree())) {
                continue;
            }
            TenantResolution other = ask(resolvers[j], request, optional, snapshot);
            if (other instanceof TenantResolution.Invalid invalid) {
                return invalid(request, resolvers[j], invalid.reason());
            }
            if (other instanceof TenantResolution.Candidate candidate && !candidate.rawId().equals(id.value())) {
                Object otherId = validate(request, resolvers[j], candidate.rawId());
                return otherId instanceof ProblemDetail ? otherId : reject(request, TenantProblem.TENANT_MISMATCH, 403,
                        "The request names different tenants in " + winner.source() + " and " + resolvers[j].source() + ".");
            }
        }
        request.setAttribute(TENANT_ID_ATTRIBUTE, id);
        Tenant tenant = snapshot.findOrNull(id);
        if (tenant == null || tenant.status() == TenantStatus.INACTIVE) {
            return reject(request, TenantProblem.UNKNOWN_TENANT, policy.unknownTenantStatus(),
                    "No tenant '" + id + "' is served here (from " + winner.source() + ").");
        }
        if (tenant.status() == TenantStatus.SUSPENDED) {
            return reject(request, TenantProblem.SUSPENDED_TENANT, policy.suspendedTenantStatus(),
                    "Tenant '" + id + "' is suspended; its requests are refused.");
        }
        return tenant;
    }

    /**
     * What {@code resolver} says; on an optional path, the candidate of a tentative resolver (the path
     * prefix) counts only if it is a tenant the registry serves or suspends.
     */
    private static TenantResolution ask(TenantResolver resolver, HttpServletRequest request, boolean optional,
            TenantSnapshot snapshot) {
        TenantResolution resolution = resolver.resolve(request);
        if (optional && resolver.tentative() && resolution instanceof TenantResolution.Candidate candidate) {
            Tenant known = TenantId.isValid(candidate.rawId()) ? snapshot.findOrNull(TenantId.of(candidate.rawId())) : null;
            return known == null || known.status() == TenantStatus.INACTIVE ? TenantResolution.none() : resolution;
        }
        return resolution;
    }

    /** The {@link TenantId} {@code raw} stands for, or the problem naming {@code source}. */
    private static Object validate(HttpServletRequest request, TenantResolver source, String raw) {
        try {
            return TenantId.of(raw);
        } catch (InvalidTenantIdException e) {
            return invalid(request, source, e.getMessage());
        }
    }

    private static ProblemDetail invalid(HttpServletRequest request, TenantResolver source, @Nullable String reason) {
        return reject(request, TenantProblem.INVALID_TENANT_ID, 400, "The tenant from " + source.source() + " is invalid: " + reason);
    }

    /** The problem to answer with, remembered on the request in {@link #PROBLEM_ATTRIBUTE}. */
    private static ProblemDetail reject(HttpServletRequest request, TenantProblem problem, int status, String detail) {
        request.setAttribute(PROBLEM_ATTRIBUTE, problem);
        return ProblemResponses.problem(problem, status, detail);
    }
}
