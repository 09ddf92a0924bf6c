package io.tenantkit.spring.scheduling;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method once per active tenant each time it is invoked, typically by
 * {@code @Scheduled}:
 *
 * <pre>{@code
 * @Scheduled(cron = "0 0 3 * * *")
 * @PerTenant
 * void closeDay() {
 *     ledger.close(TenantContext.require());   // runs as jp, then us, then de, ...
 * }
 * }</pre>
 *
 * <p>The tenants are the active ones of the registry snapshot current at invocation time, so a tenant
 * added, suspended or removed since startup is taken into account at the next run. Each run happens
 * inside {@code TenantContext.runAs(tenant, ...)}: MDC included, and nothing is left on the invoking
 * thread afterwards. A run that throws is logged at ERROR with its tenant (in the message and in the
 * MDC) and does not stop the other tenants; when all have run, a {@link io.tenantkit.propagation.TenantFanOutException} naming
 * the failed tenants is thrown to the invoker (for {@code @Scheduled}, Spring's error handler logs it
 * and the schedule goes on).
 *
 * <p>The method must return {@code void}; its bean is proxied (CGLIB), so neither the class nor the
 * method may be final. Arguments, if any, are passed to every run unchanged.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PerTenant {

    /**
     * Whether the tenants run in parallel on the application task executor (Spring Boot's
     * {@code applicationTaskExecutor}) instead of one after another on the invoking thread. The
     * invoking thread takes the runs no pool thread has started yet, so an invocation from a thread of
     * that executor, or with the executor saturated, runs them itself rather than waiting for a free
     * thread. The invocation returns when every tenant's run has finished either way.
     */
    boolean parallel() default false;
}
