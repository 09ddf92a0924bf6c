package io.tenantkit.spring.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.util.ClassUtils;

/**
 * Reads a claim of a JWT or an attribute of an OAuth2 principal. Only touched when Spring Security's
 * OAuth2 support is on the classpath ({@link #PRESENT}).
 */
final class OAuth2Claims {

    static final boolean PRESENT = ClassUtils.isPresent("org.springframework.security.oauth2.core.ClaimAccessor",
            OAuth2Claims.class.getClassLoader());

    private OAuth2Claims() {
    }

    static @Nullable Object claim(@Nullable Object principal, String name) {
        if (principal instanceof ClaimAccessor claims) {
            return claims.getClaims().get(name);
        }
        if (principal instanceof OAuth2AuthenticatedPrincipal oauth2) {
            return oauth2.getAttributes().get(name);
        }
        return null;
    }
}
