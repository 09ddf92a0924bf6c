package io.tenantkit.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an implementation class to tenants for every {@link ExtensionPoint} interface it implements.
 * Read by {@link ExtensionBinding#annotated(Object)} and by the Spring starter.
 *
 * <pre>{@code
 * @Extension(tenants = "jp", priority = 10)
 * final class JpFeePolicy implements FeePolicy { ... }
 * }</pre>
 *
 * <p>Without tenants the implementation is the global default, except inside a Spring tenant module,
 * where it is bound to the module's tenant; tenants named here override the module's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Extension {

    /**
     * The tenant ids (countries or regions) this implementation answers for; empty for the global
     * default (or the module's tenant inside a tenant module).
     */
    String[] tenants() default {};

    /** Among implementations bound at the same level of a tenant's chain, the highest priority answers first. */
    int priority() default 0;
}
