package io.tenantkit.context;

import io.tenantkit.tenant.Tenant;

/**
 * A tenant entered on the current thread by {@link TenantContext#enter(Tenant)}. Closing it restores
 * exactly what was current before, MDC included. Use it in try-with-resources:
 *
 * <pre>{@code
 * try (TenantScope scope = TenantContext.enter(jp)) {
 *     checkout.run();
 * }
 * }</pre>
 *
 * <p>Scopes must be closed on the thread that entered them, innermost first. Closing an outer scope
 * while inner ones are open closes those too, restores the state before the outer scope and throws
 * {@link IllegalStateException}, so that a mistake never leaves a tenant behind on the thread.
 * Closing a scope twice does nothing.
 */
public sealed interface TenantScope extends AutoCloseable permits Frame {

    /** The tenant this scope entered. */
    Tenant tenant();

    /** Restores the tenant (and MDC value) that was current before this scope was entered. */
    @Override
    void close();
}
