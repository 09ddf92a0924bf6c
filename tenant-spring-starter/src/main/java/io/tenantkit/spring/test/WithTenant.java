package io.tenantkit.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test with a tenant current on the test thread ({@code TenantContext.current()}, the MDC
 * and everything reading them see it), and restores the previous state afterwards. On a method it
 * overrides the one on the class, on a class the one on an enclosing class ({@code @Nested}).
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithTenant("jp")
 * class CheckoutTests {
 *     @Test void chargesYen() { assertThat(checkout.currency()).isEqualTo("JPY"); }
 * }
 * }</pre>
 *
 * <p>In a Spring test the tenant is taken from the context's {@code TenantRegistry}, so it has the
 * declared locale, currency and parent, and an undeclared id fails the test. Without a Spring context
 * a tenant with just this id is used. The tenant is set on the test thread only: requests to a
 * server started by the test name it in a header (see {@link TenantTestRequests}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(WithTenantExtension.class)
public @interface WithTenant {

    /** The tenant id, such as {@code jp}. */
    String value();
}
