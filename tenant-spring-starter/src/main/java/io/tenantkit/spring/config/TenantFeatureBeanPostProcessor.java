package io.tenantkit.spring.config;

import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Proxies beans with {@link TenantFeature} methods (or classes) through Spring AOP's advisor infrastructure, no
 * {@code @Aspect} needed: the method runs only when the feature is on for the current tenant.
 */
public final class TenantFeatureBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    private static final long serialVersionUID = 1L;

    /**
     * A post-processor asking {@code store} about features.
     *
     * @param store the configuration store, looked up at the first guarded call
     */
    public TenantFeatureBeanPostProcessor(ObjectProvider<TenantConfigStore> store) {
        Pointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(null, TenantFeature.class, true))
                .union(new AnnotationMatchingPointcut(TenantFeature.class, true));
        MethodInterceptor guard = invocation -> {
            Method method = invocation.getMethod();
            TenantFeature feature = AnnotatedElementUtils.findMergedAnnotation(method, TenantFeature.class);
            if (feature == null) {
                feature = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), TenantFeature.class);
            }
            if (feature == null || store.getObject().isOn(feature.value())) {
                return invocation.proceed();
            }
            Tenant tenant = TenantContext.require();
            throw new TenantFeatureDisabledException(feature.value(), tenant.id().value(),
                    method.getDeclaringClass().getSimpleName() + "." + method.getName());
        };
        this.advisor = new DefaultPointcutAdvisor(pointcut, guard);
        setBeforeExistingAdvisors(true);
        setProxyTargetClass(true);
    }
}
