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
 * Reads the tenant of the authenticated principal from Spring Security's context. Its answer must
 * agree with the tenant chosen by the chain ({@link #mustAgree()}): a header naming another tenant
 * than the principal's is refused with 403.
 *
 * <p>By default the tenant is the granted authority with a prefix, such as {@code TENANT_jp}
 * ({@link #fromAuthority(String)}). For a token claim, pass an extractor, for example with Spring
 * Security's OAuth2 resource server:
 *
 * <pre>{@code
 * new PrincipalTenantResolver(auth -> auth.getPrincipal() instanceof Jwt jwt ? jwt.getClaimAsString("tenant") : null)
 * }</pre>
 *
 * <p>The {@link TenantWebFilter} must run after Spring Security's filter chain (its default order does).
 */
public final class PrincipalTenantResolver implements TenantResolver {

    private final Lookup lookup;

    /** A resolver taking the tenant id from an authentication with {@code extractor} (null: no tenant). */
    public PrincipalTenantResolver(Function<Authentication, @Nullable String> extractor) {
        Objects.requireNonNull(extractor, "extractor");
        this.lookup = auth -> {
            String tenant = extractor.apply(auth);
            return tenant == null ? TenantResolution.none() : TenantResolution.candidate(tenant);
        };
    }

    private PrincipalTenantResolver(Lookup lookup) {
        this.lookup = lookup;
    }

    /** A resolver taking the tenant id from the granted authority that starts with {@code prefix}. */
    public static PrincipalTenantResolver fromAuthority(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("The tenant authority prefix must not be empty (such as TENANT_).");
        }
        return new PrincipalTenantResolver((Lookup) auth -> {
            String found = null;
            for (GrantedAuthority authority : auth.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith(prefix)) {
                    if (found != null && !found.equals(name)) {
                        return TenantResolution.invalid("the authenticated principal holds more than one tenant authority");
                    }
                    found = name;
                }
            }
            return found == null ? TenantResolution.none() : TenantResolution.candidate(found.substring(prefix.length()));
        });
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
        return lookup.resolve(auth);
    }

    @Override
    public boolean mustAgree() {
        return true;
    }

    /** What an authentication says about its tenant. */
    @FunctionalInterface
    private interface Lookup {
        TenantResolution resolve(Authentication authentication);
    }
}
