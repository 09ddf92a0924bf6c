package io.tenantkit.spring.web;

import java.util.Objects;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the tenant of the authenticated principal from Spring Security's context. As every source,
 * it must agree with the others: a header naming another tenant than the principal's is refused with
 * 403. With {@link #requiringTenant()}, an authenticated principal that names no tenant is refused.
 *
 * <p>The {@linkplain #of(String, String) standard resolver} reads a granted authority such as
 * {@code TENANT_jp}, or the {@code tenant} claim of a JWT or attribute of an OAuth2 user. To read the
 * tenant from elsewhere, pass an extractor:
 *
 * <pre>{@code
 * new PrincipalTenantResolver(auth -> auth.getPrincipal() instanceof MyUser user ? user.siteId() : null)
 * }</pre>
 *
 * <p>The {@link TenantWebFilter} must run after Spring Security's filter chain (its default order does).
 */
public final class PrincipalTenantResolver implements TenantResolver {

    private static final TenantResolution TWO_TENANTS =
            TenantResolution.invalid("the authenticated principal names more than one tenant");

    private static final TenantResolution NO_TENANT =
            TenantResolution.refused("the authenticated principal names no tenant");

    private final Lookup lookup;
    private final boolean tenantRequired;

    /** A resolver taking the tenant id from an authentication with {@code extractor} (null: no tenant). */
    public PrincipalTenantResolver(Function<Authentication, @Nullable String> extractor) {
        Objects.requireNonNull(extractor, "extractor");
        this.lookup = auth -> {
            String tenant = extractor.apply(auth);
            return tenant == null ? TenantResolution.none() : TenantResolution.candidate(tenant);
        };
        this.tenantRequired = false;
    }

    private PrincipalTenantResolver(Lookup lookup, boolean tenantRequired) {
        this.lookup = lookup;
        this.tenantRequired = tenantRequired;
    }

    /**
     * This resolver, except that an authenticated principal naming no tenant is
     * {@linkplain TenantResolution#refused(String) refused}: a 403 on a path that requires a tenant, and
     * no tenant (whatever other sources name) on an optional path. For applications whose users all
     * belong to one tenant (B2B), so that a user without a tenant cannot pick one by header or host.
     */
    public PrincipalTenantResolver requiringTenant() {
        return tenantRequired ? this : new PrincipalTenantResolver(lookup, true);
    }

    /**
     * The standard resolver: the tenant is named by the granted authority {@code <authorityPrefix><id>}
     * (such as {@code TENANT_jp}) or, for an OAuth2 principal (a JWT, an OAuth2 user), by its claim or
     * attribute {@code claim}. A principal naming two different tenants is refused.
     *
     * @param authorityPrefix prefix of the tenant authority, such as {@code TENANT_}
     * @param claim name of the tenant claim or attribute, such as {@code tenant}; null to ignore claims
     */
    public static PrincipalTenantResolver of(String authorityPrefix, @Nullable String claim) {
        if (authorityPrefix.isEmpty()) {
            throw new IllegalArgumentException("The tenant authority prefix must not be empty (such as TENANT_).");
        }
        boolean claims = claim != null && !claim.isEmpty() && OAuth2Claims.PRESENT;
        return new PrincipalTenantResolver(auth -> {
            String found = null;
            for (GrantedAuthority authority : auth.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith(authorityPrefix)) {
                    String tenant = name.substring(authorityPrefix.length());
                    if (found != null && !found.equals(tenant)) {
                        return TWO_TENANTS;
                    }
                    found = tenant;
                }
            }
            if (claims) {
                Object value = OAuth2Claims.claim(auth.getPrincipal(), claim);
                if (value != null) {
                    if (!(value instanceof String tenant) || (found != null && !found.equals(tenant))) {
                        return value instanceof String ? TWO_TENANTS
                                : TenantResolution.invalid("the tenant claim of the authenticated principal is not a string");
                    }
                    found = tenant;
                }
            }
            return found == null ? TenantResolution.none() : TenantResolution.candidate(found);
        }, false);
    }

    @Override
    public String source() {
        return "authenticated principal";
    }

    @Override
    public TenantResolution resolve(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return TenantResolution.none();
        }
        TenantResolution resolution = lookup.resolve(auth);
        return tenantRequired && resolution == TenantResolution.none() ? NO_TENANT : resolution;
    }

    /** What an authentication says about its tenant. */
    @FunctionalInterface
    private interface Lookup {
        TenantResolution resolve(Authentication authentication);
    }
}
