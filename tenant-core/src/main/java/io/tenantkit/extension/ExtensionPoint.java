package io.tenantkit.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as an extension point: shared code calls it, and the current tenant's
 * implementation answers.
 *
 * <p>Resolution for a tenant follows its parent chain: an implementation bound to the tenant itself,
 * else one bound to its parent (a region such as {@code apac}), and so on up the chain, and last the
 * <em>global default</em>, which is an implementation bound to no tenant. Within one level the
 * implementation with the highest priority answers; two at the same level and priority are an error.
 *
 * <p>Unless the point is {@link #optional()}, every {@linkplain io.tenantkit.tenant.TenantStatus#ACTIVE
 * active} tenant must resolve to an implementation whenever the registry builds its tables, or the
 * build fails naming the point and the tenants; a global default satisfies this for every tenant.
 *
 * <p>The TenantKit annotation processor (shipped in tenant-core) generates a router class
 * {@code <Name>_TenantRouter} for each annotated interface, used by {@link ExtensionRouters}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExtensionPoint {

    /**
     * Whether tenants may go without an implementation. For an optional point validation does not
     * require one; a call for a tenant without one still fails closed in
     * {@link ExtensionHandle#current()}, while {@link ExtensionHandle#currentOrNull()} returns null
     * and {@link ExtensionHandle#all()} an empty list.
     */
    boolean optional() default false;
}
