package io.tenantkit.extension;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates routers: objects that implement an extension point and forward every call to the
 * implementation of the current tenant, so that shared code can hold a plain {@code FeePolicy}.
 *
 * <p>The router is the class {@code <Name>_TenantRouter} that the TenantKit annotation processor
 * generated next to the interface: plain Java, each method {@code return handle.current().m(args)}.
 * When the interface was compiled without the processor (or is a local interface), a JDK dynamic
 * proxy is used instead, which costs a {@code Method} dispatch and an argument array per call; an
 * INFO line says so once per extension point. The proxy serves non-public interfaces of any package
 * too; in a named module, the interface's package must be open to TenantKit.
 */
public final class ExtensionRouters {

    /** The suffix of the router class names the annotation processor generates and {@link #create} looks for. */
    public static final String SUFFIX = "_TenantRouter";

    private static final Logger log = LoggerFactory.getLogger(ExtensionRouters.class);

    /** Per extension point, whether the proxy fallback was logged. */
    private static final ClassValue<AtomicBoolean> PROXY_LOGGED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> point) {
            return new AtomicBoolean();
        }
    };

    private ExtensionRouters() {
    }

    /** A router for the point of {@code handle}: the generated one if present, else a JDK proxy. */
    public static <T> T create(ExtensionHandle<T> handle) {
        Objects.requireNonNull(handle, "handle");
        T generated = generated(handle);
        if (generated != null) {
            return generated;
        }
        if (PROXY_LOGGED.get(handle.point()).compareAndSet(false, true)) {
            log.info("Extension point {} has no generated router {} (compiled without the TenantKit annotation processor); "
                    + "calls go through a JDK proxy, which is slower. Run io.tenantkit.extension.processor.ExtensionPointProcessor "
                    + "when compiling the interface.", handle.point().getName(), routerClassName(handle.point()));
        }
        return proxy(handle);
    }

    /**
     * A JDK-proxy router for the point of {@code handle}, whether or not a generated one exists.
     *
     * @throws java.lang.reflect.InaccessibleObjectException if the point is in a named module whose
     *         package is not open to TenantKit
     */
    static <T> T proxy(ExtensionHandle<T> handle) {
        Class<T> point = handle.point();
        Object proxy = Proxy.newProxyInstance(point.getClassLoader(), new Class<?>[] {point, ExtensionRouter.class},
                new Routing(handle, accessibleMethods(point)));
        return point.cast(proxy);
    }

    /** Whether {@code router} is a generated router rather than a proxy or an implementation. */
    public static boolean isGenerated(Object router) {
        return router instanceof ExtensionRouter && !Proxy.isProxyClass(router.getClass());
    }

    /** The name of the router class generated for {@code point}: same package, nested names joined by {@code _}. */
    public static String routerClassName(Class<?> point) {
        StringBuilder name = new StringBuilder(point.getSimpleName());
        for (Class<?> c = point.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            name.insert(0, c.getSimpleName() + "_");
        }
        String pkg = point.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + name + SUFFIX;
    }

    private static <T> @Nullable T generated(ExtensionHandle<T> handle) {
        Class<T> point = handle.point();
        Class<?> type;
        try {
            type = Class.forName(routerClassName(point), true, point.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        if (!point.isAssignableFrom(type) || !ExtensionRouter.class.isAssignableFrom(type)) {
            throw new IllegalStateException(type.getName() + " is not a router for " + point.getName()
                    + "; rebuild the module so that the TenantKit annotation processor regenerates it.");
        }
        try {
            Constructor<?> constructor = type.getConstructor(ExtensionHandle.class);
            return point.cast(constructor.newInstance(handle));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the generated router " + type.getName() + " for "
                    + point.getName() + ": " + e + ". Rebuild the module so that the TenantKit annotation processor regenerates it.", e);
        }
    }

    /**
     * The methods of {@code point}, made accessible once, keyed by the equal {@code Method} objects the
     * proxy passes: {@code Method.invoke} checks access against the calling class, and from TenantKit's
     * package a non-public interface of another package is not accessible.
     */
    private static Map<Method, Method> accessibleMethods(Class<?> point) {
        Map<Method, Method> methods = new HashMap<>();
        for (Method m : point.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                m.setAccessible(true);
                methods.put(m, m);
            }
        }
        return Map.copyOf(methods);
    }

    /** Forwards proxy calls to the current tenant's implementation. */
    private static final class Routing implements InvocationHandler {

        private final ExtensionHandle<?> handle;
        private final Map<Method, Method> accessible;

        Routing(ExtensionHandle<?> handle, Map<Method, Method> accessible) {
            this.handle = handle;
            this.accessible = accessible;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == Objects.requireNonNull(args)[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "TenantRouter[" + handle.point().getName() + ", proxy]";
                }
            }
            try {
                return accessible.getOrDefault(method, method).invoke(handle.current(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
