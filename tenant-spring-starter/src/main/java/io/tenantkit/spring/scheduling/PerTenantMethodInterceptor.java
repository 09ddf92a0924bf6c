package io.tenantkit.spring.scheduling;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tenantkit.propagation.FanOutResult;
import io.tenantkit.propagation.TenantFanOut;
import io.tenantkit.propagation.TenantFanOutException;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Turns one invocation of a {@link PerTenant} method into one invocation per active tenant through
 * {@link TenantFanOut}, then throws {@link TenantFanOutException} if any tenant failed.
 */
final class PerTenantMethodInterceptor implements MethodInterceptor {

    private final ObjectProvider<TenantFanOut> fanOut;
    /** The annotation and job name per method, looked up once: no reflection per invocation. */
    private final Map<Method, Optional<Job>> jobs = new ConcurrentHashMap<>();

    PerTenantMethodInterceptor(ObjectProvider<TenantFanOut> fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Optional<Job> job = jobs.computeIfAbsent(invocation.getMethod(), method -> Job.of(invocation, method));
        if (job.isEmpty() || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        Runnable run = () -> proceedOnce(proxied);
        TenantFanOut tenants = fanOut.getObject();
        FanOutResult result = job.get().parallel()
                ? tenants.runParallel(job.get().name(), run) : tenants.run(job.get().name(), run);
        result.throwIfFailed();
        return null;
    }

    /** A {@link PerTenant} method: its job name and whether it runs in parallel. */
    private record Job(String name, boolean parallel) {

        static Optional<Job> of(MethodInvocation invocation, Method method) {
            PerTenant perTenant = AnnotatedElementUtils.findMergedAnnotation(method, PerTenant.class);
            return perTenant == null ? Optional.empty()
                    : Optional.of(new Job(jobName(invocation, method), perTenant.parallel()));
        }
    }

    /** Each tenant's run proceeds on its own copy of the invocation, which can proceed once. */
    private static void proceedOnce(ProxyMethodInvocation invocation) {
        try {
            invocation.invocableClone().proceed();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new PerTenantInvocationException(checked);
        }
    }

    static String jobName(MethodInvocation invocation, Method method) {
        Object target = invocation.getThis();
        Class<?> type = target != null ? ClassUtils.getUserClass(target) : method.getDeclaringClass();
        return type.getSimpleName() + "." + method.getName();
    }

    /** Carries a checked exception of a {@link PerTenant} method out of its tenant's run. */
    static final class PerTenantInvocationException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PerTenantInvocationException(Throwable cause) {
            super(cause.toString(), cause);
        }
    }
}
