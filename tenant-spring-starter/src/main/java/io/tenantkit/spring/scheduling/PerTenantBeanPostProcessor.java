package io.tenantkit.spring.scheduling;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tenantkit.propagation.TenantFanOut;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Proxies beans with {@link PerTenant} methods so that each invocation fans out over the active
 * tenants. Runs before Spring's {@code ScheduledAnnotationBeanPostProcessor}, so {@code @Scheduled}
 * invokes the proxy. Checks at startup that every {@code @PerTenant} method returns {@code void} and
 * that a parallel one has an executor to run on.
 */
public final class PerTenantBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor
        implements SmartInitializingSingleton {

    private static final long serialVersionUID = 1L;

    private final transient ObjectProvider<TenantFanOut> fanOut;
    private final transient List<String> parallelMethods = new ArrayList<>();

    /**
     * A post-processor that hands {@link PerTenant} invocations to the {@link TenantFanOut} bean.
     *
     * @param fanOut the fan-out, looked up at the first invocation
     */
    public PerTenantBeanPostProcessor(ObjectProvider<TenantFanOut> fanOut) {
        this.fanOut = fanOut;
        this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, PerTenant.class, true),
                new PerTenantMethodInterceptor(fanOut));
        setBeforeExistingAdvisors(true);
        setProxyTargetClass(true);
        // Before ScheduledAnnotationBeanPostProcessor (lowest precedence), which must see the proxy.
        setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (AnnotationUtils.isCandidateClass(type, PerTenant.class)) {
            Map<Method, PerTenant> methods = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<PerTenant>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, PerTenant.class));
            methods.forEach((method, perTenant) -> check(beanName, type, method, perTenant));
        }
        return super.postProcessAfterInitialization(bean, beanName);
    }

    private void check(String beanName, Class<?> type, Method method, PerTenant perTenant) {
        String name = type.getName() + "." + method.getName();
        if (method.getReturnType() != void.class) {
            throw new IllegalStateException("@PerTenant method " + name + " (bean '" + beanName + "') returns "
                    + method.getReturnType().getName() + ", but it runs once per tenant and cannot return one "
                    + "value: make it return void, or call TenantFanOut yourself to collect per-tenant results.");
        }
        if (Modifier.isFinal(method.getModifiers()) || Modifier.isFinal(type.getModifiers())) {
            throw new IllegalStateException("@PerTenant method " + name + " (bean '" + beanName + "') is final or "
                    + "declared in a final class, so it cannot be proxied to run once per tenant: remove 'final'.");
        }
        if (perTenant.parallel()) {
            synchronized (parallelMethods) {
                parallelMethods.add(name);
            }
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> parallel;
        synchronized (parallelMethods) {
            parallel = List.copyOf(parallelMethods);
        }
        if (!parallel.isEmpty() && !fanOut.getObject().supportsParallel()) {
            throw new IllegalStateException("@PerTenant(parallel = true) on " + parallel + " needs an executor, but "
                    + "there is no 'applicationTaskExecutor' bean. Let Spring Boot auto-configure its task executor "
                    + "(or name your own Executor bean 'applicationTaskExecutor'), or use @PerTenant(parallel = false).");
        }
    }
}
