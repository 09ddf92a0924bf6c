package io.tenantkit.extension;

import static io.tenantkit.extension.Fixtures.fee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.lang.reflect.Proxy;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.TestPoints.Formatter;
import io.tenantkit.extension.other.Greetings;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ExtensionRoutersTest {

    private final TenantRegistry tenants = Fixtures.tenants();
    private final Tenant jp = tenants.require(TenantId.of("jp"));
    private final Tenant us = tenants.require(TenantId.of("us"));

    @Test
    void theGeneratedRouterIsUsedWhenTheProcessorRan() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("jp", 5)).tenants("jp").build())
                .build();

        FeePolicy router = ExtensionRouters.create(registry.handle(FeePolicy.class));

        assertThat(router.getClass().getName()).isEqualTo("io.tenantkit.extension.FeePolicy_TenantRouter");
        assertThat(ExtensionRouters.isGenerated(router)).isTrue();
        assertThat(router).isInstanceOf(ExtensionRouter.class);
        assertThat(TenantContext.supplyAs(jp, () -> router.fee(1000))).isEqualTo(50);
        assertThat(TenantContext.supplyAs(us, () -> router.fee(1000))).isEqualTo(100);
        assertThat(TenantContext.supplyAs(jp, router::label)).isEqualTo("fee by jp");
        assertThat(router).hasToString("TenantRouter[io.tenantkit.extension.FeePolicy]");
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> router.fee(1));
    }

    @Test
    void generatedRoutersHandleGenericsVarargsAndCheckedExceptions() throws Exception {
        Formatter<Integer> jpFormatter = new Formatter<>() {
            @Override
            public <X extends CharSequence> String format(Integer value, X prefix, Object... rest) throws IOException {
                if (value < 0) {
                    throw new IOException("negative");
                }
                return prefix + "¥" + value + rest.length;
            }

            @Override
            public void touch() {
            }
        };
        @SuppressWarnings("unchecked")
        Class<Formatter<Integer>> point = (Class<Formatter<Integer>>) (Class<?>) Formatter.class;
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bind(ExtensionBinding.builder(point, jpFormatter).build()).build();

        Formatter<Integer> router = ExtensionRouters.create(registry.handle(point));

        assertThat(ExtensionRouters.isGenerated(router)).isTrue();
        assertThat(router.getClass().getSimpleName()).isEqualTo("TestPoints_Formatter_TenantRouter");
        assertThat(TenantContext.callAs(jp, () -> router.format(5, "=", "a", "b"))).isEqualTo("=¥52");
        assertThat(TenantContext.callAs(jp, () -> router.twice(7))).isEqualTo("¥70¥70");
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> TenantContext.callAs(jp, () -> router.format(-1, "")));
    }

    @Test
    void anInterfaceCompiledWithoutTheProcessorGetsAProxyRouter() {
        // Local interfaces are invisible to annotation processing, like an interface from a jar built without it.
        @ExtensionPoint
        interface LocalPolicy {
            String answer(String question);

            default String loud(String question) {
                return answer(question).toUpperCase(java.util.Locale.ROOT);
            }
        }
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(LocalPolicy.class, q -> "default " + q).build())
                .bind(ExtensionBinding.builder(LocalPolicy.class, q -> {
                    throw new IllegalArgumentException("jp rejects " + q);
                }).tenants("jp").build())
                .build();

        LocalPolicy router = ExtensionRouters.create(registry.handle(LocalPolicy.class));

        assertThat(Proxy.isProxyClass(router.getClass())).isTrue();
        assertThat(ExtensionRouters.isGenerated(router)).isFalse();
        assertThat(router).isInstanceOf(ExtensionRouter.class);
        assertThat(TenantContext.supplyAs(us, () -> router.loud("hi"))).isEqualTo("DEFAULT HI");
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> TenantContext.runAs(jp, () -> router.answer("x"))).withMessage("jp rejects x");
        assertThat(router).isEqualTo(router).isNotEqualTo(ExtensionRouters.proxy(registry.handle(LocalPolicy.class)));
        assertThat(router.hashCode()).isEqualTo(System.identityHashCode(router));
        assertThat(router.toString()).startsWith("TenantRouter[").endsWith("LocalPolicy, proxy]");
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> router.answer("x"));
    }

    @Test
    void theProxyRoutesAPackagePrivatePointOfAnotherPackage() {
        // Method.invoke from TenantKit's package had no access to it: IllegalAccessException on every call.
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(global(Greetings.point(), Greetings.saying("hello")))
                .build();

        Object router = ExtensionRouters.proxy(registry.handle(Greetings.point()));

        assertThat(Proxy.isProxyClass(router.getClass())).isTrue();
        assertThat(TenantContext.supplyAs(jp, () -> Greetings.greet(router, "Ken"))).isEqualTo("hello, Ken!");
    }

    @Test
    void theProxyFallbackIsLoggedOncePerPoint() {
        @ExtensionPoint
        interface Unprocessed {
            String answer();
        }
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bind(ExtensionBinding.builder(Unprocessed.class, () -> "42").build()).build();
        Logger logger = (Logger) LoggerFactory.getLogger(ExtensionRouters.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            ExtensionRouters.create(registry.handle(Unprocessed.class));
            ExtensionRouters.create(registry.handle(Unprocessed.class));
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).isEqualTo("Extension point " + Unprocessed.class.getName()
                    + " has no generated router io.tenantkit.extension.ExtensionRoutersTest_Unprocessed_TenantRouter "
                    + "(compiled without the TenantKit annotation processor); calls go through a JDK proxy, which is "
                    + "slower. Run io.tenantkit.extension.processor.ExtensionPointProcessor when compiling the interface.");
        });
    }

    private static <T> ExtensionBinding<T> global(Class<T> point, Object implementation) {
        return ExtensionBinding.builder(point, point.cast(implementation)).build();
    }

    @Test
    void routerClassNamesFollowThePackageAndNestingOfThePoint() {
        assertThat(ExtensionRouters.routerClassName(FeePolicy.class)).isEqualTo("io.tenantkit.extension.FeePolicy_TenantRouter");
        assertThat(ExtensionRouters.routerClassName(TestPoints.KycPolicy.class))
                .isEqualTo("io.tenantkit.extension.TestPoints_KycPolicy_TenantRouter");
    }
}
