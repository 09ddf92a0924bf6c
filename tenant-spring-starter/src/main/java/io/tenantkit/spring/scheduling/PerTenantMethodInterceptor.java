package io.tenantkit.spring.scheduling;

import java.lang.reflect.Method;

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

    PerTenantMethodInterceptor(ObjectProvider<TenantFanOut> fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getMethod();
        PerTenant perTenant = AnnotatedElementUtils.findMergedAnnotation(method, PerTenant.class);
        if (perTenant == null || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        String job = jobName(invocation, method);
        Runnable run = () -> proceedOnce(proxied);
        TenantFanOut tenants = fanOut.getObject();
        FanOutResult result = perTenant.parallel() ? tenants.runParallel(job, run) : tenants.run(job, run);
        result.throwIfFailed();
        return null;
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
