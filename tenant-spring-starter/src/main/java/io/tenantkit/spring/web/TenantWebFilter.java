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
 * are passed through untouched;
 * otherwise the {@linkplain TenantResolver resolvers} are asked in order and the first answer wins; a
 * resolver that {@linkplain TenantResolver#mustAgree() must agree} (the principal) is asked too, and
 * when it names a tenant, every source that names one must name the same. The winner is validated ({@link TenantId}) and looked up in the
 * {@link TenantRegistry}. Anything wrong is answered with an RFC 9457 problem response
 * ({@link TenantProblem}): never a 5xx, never request text unescaped. A required path without any
 * tenant is a 400; an optional path proceeds without one.
 *
 * <p>The resolved tenant is kept in the request attribute {@link #TENANT_ATTRIBUTE} and re-entered on
 * async and error dispatches of the same request, and echoed in a response header if configured.
 */
public final class TenantWebFilter extends OncePerRequestFilter {

    /**
     * The default filter order: right after Spring Security's filter chain (order -100), so that the
     * authenticated principal is known, and before anything ordered at 0 or later.
     */
    public static final int DEFAULT_ORDER = -90;

    /** The request attribute holding the resolved {@link Tenant}. */
    public static final String TENANT_ATTRIBUTE = TenantWebFilter.class.getName() + ".tenant";

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

    /** Excluded paths, and CORS pre-flight requests (they never reach a handler and carry no custom headers). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return CorsUtils.isPreFlightRequest(request) || policy.modeOf(RequestPaths.pathWithinApplication(request)) == TenantEntryPolicy.Mode.EXCLUDED;
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
        Object outcome = resolve(request);
        if (outcome instanceof ProblemDetail problem) {
            reject(response, problem);
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
    private @Nullable Object resolve(HttpServletRequest request) {
        TenantResolver winner = null;
        String raw = null;
        int i = 0;
        for (; i < resolvers.length; i++) {
            TenantResolution resolution = resolvers[i].resolve(request);
            if (resolution instanceof TenantResolution.Candidate candidate) {
                winner = resolvers[i];
                raw = candidate.rawId();
                break;
            }
            if (resolution instanceof TenantResolution.Invalid invalid) {
                return invalidProblem(resolvers[i], invalid.reason());
            }
        }
        if (winner == null || raw == null) {
            return policy.modeOf(RequestPaths.pathWithinApplication(request)) == TenantEntryPolicy.Mode.OPTIONAL ? null
                    : ProblemResponses.problem(TenantProblem.MISSING_TENANT, 400,
                            "This path requires a tenant, and the request names none. Name it in: " + sources + ".");
        }
        TenantId id;
        try {
            id = TenantId.of(raw);
        } catch (InvalidTenantIdException e) {
            return invalidProblem(winner, e.getMessage());
        }
        // First answer wins, except that a resolver which must agree (the principal) and every other
        // source that names a tenant must name the same one, whatever their order; checked before the
        // lookup, so that a disagreement is a 403 whether or not the other tenant exists.
        for (int j = 0; j < resolvers.length; j++) {
            if (j == i || !(winner.mustAgree() || resolvers[j].mustAgree())) {
                continue;
            }
            TenantResolution other = resolvers[j].resolve(request);
            boolean disagrees = other instanceof TenantResolution.Invalid
                    || (other instanceof TenantResolution.Candidate c && !c.rawId().equals(id.value()));
            if (disagrees) {
                return ProblemResponses.problem(TenantProblem.TENANT_MISMATCH, 403, "The request names different tenants in "
                        + winner.source() + " and " + resolvers[j].source() + ".");
            }
        }
        Tenant tenant = registry.snapshot().findOrNull(id);
        if (tenant == null || tenant.status() == TenantStatus.INACTIVE) {
            return ProblemResponses.problem(TenantProblem.UNKNOWN_TENANT, policy.unknownTenantStatus(),
                    "No tenant '" + id + "' is served here (from " + winner.source() + ").");
        }
        if (tenant.status() == TenantStatus.SUSPENDED) {
            return ProblemResponses.problem(TenantProblem.SUSPENDED_TENANT, policy.suspendedTenantStatus(),
                    "Tenant '" + id + "' is suspended; its requests are refused.");
        }
        return tenant;
    }

    private static ProblemDetail invalidProblem(TenantResolver resolver, @Nullable String reason) {
        return ProblemResponses.problem(TenantProblem.INVALID_TENANT_ID, 400,
                "The tenant from " + resolver.source() + " is invalid: " + reason);
    }

    private static void reject(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (log.isDebugEnabled()) {
            log.debug("Rejected a request with {}", ProblemResponses.toJson(problem));
        }
        ProblemResponses.write(response, problem);
    }
}
