package io.tenantkit.spring.test;

import java.util.Optional;

import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit Jupiter extension behind {@link WithTenant}: enters the tenant before each test (after
 * {@code @BeforeEach} methods of outer extensions) and closes the scope after it.
 */
public final class WithTenantExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WithTenantExtension.class);

    /** Created by JUnit. */
    public WithTenantExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        WithTenant annotation = nearest(context);
        if (annotation == null) {
            return;
        }
        Tenant tenant = tenant(context, TenantId.of(annotation.value()));
        context.getStore(NAMESPACE).put(TenantScope.class, TenantContext.enter(tenant));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TenantScope scope = context.getStore(NAMESPACE).remove(TenantScope.class, TenantScope.class);
        if (scope != null) {
            scope.close();
        }
    }

    /** The annotation on the test method, else on its class, else on an enclosing class ({@code @Nested}). */
    private static @Nullable WithTenant nearest(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<WithTenant> found = c.getElement().flatMap(element -> AnnotationSupport.findAnnotation(element, WithTenant.class));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    private static Tenant tenant(ExtensionContext context, TenantId id) {
        if (isSpringTest(context.getRequiredTestClass())) {
            ApplicationContext spring = SpringExtension.getApplicationContext(context);
            TenantRegistry registry = spring.getBeanProvider(TenantRegistry.class).getIfAvailable();
            if (registry != null) {
                return registry.require(id);
            }
        }
        return Tenant.builder(id).build();
    }

    /**
     * Whether the Spring TestContext framework configures {@code testClass}: found the way Spring finds
     * it, in the class hierarchy and, for {@code @Nested} classes, in the enclosing classes.
     */
    private static boolean isSpringTest(Class<?> testClass) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, BootstrapWith.class)
                || TestContextAnnotationUtils.hasAnnotation(testClass, ContextConfiguration.class);
    }
}
