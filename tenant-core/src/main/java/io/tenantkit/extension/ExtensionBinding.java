package io.tenantkit.extension;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;

/**
 * One implementation bound to an extension point: for some tenants (countries or regions), or with
 * no tenant as the global default, at a priority. Immutable; two bindings are equal only when they
 * are the same object.
 *
 * <pre>{@code
 * ExtensionBinding.global(FeePolicy.class, new StandardFeePolicy());
 * ExtensionBinding.to(FeePolicy.class, new JpFeePolicy(), "jp");
 * ExtensionBinding.builder(FeePolicy.class, new ApacFeePolicy()).tenants("apac").priority(5).source("site-apac").build();
 * }</pre>
 *
 * @param <T> the extension point
 */
public final class ExtensionBinding<T> {

    private final Class<T> point;
    private final T implementation;
    private final Class<?> implementationType;
    private final Set<TenantId> tenants;
    private final int priority;
    private final @Nullable String source;

    private ExtensionBinding(Builder<T> b) {
        this.point = b.point;
        this.implementation = b.implementation;
        this.implementationType = b.implementationType;
        this.tenants = Collections.unmodifiableSet(new LinkedHashSet<>(b.tenants));
        this.priority = b.priority;
        this.source = b.source;
    }

    /** Starts a binding of {@code implementation} to {@code point}; global unless tenants are given. */
    public static <T> Builder<T> builder(Class<T> point, T implementation) {
        return new Builder<>(point, implementation);
    }

    /** {@code implementation} as the global default of {@code point}, priority 0. */
    public static <T> ExtensionBinding<T> global(Class<T> point, T implementation) {
        return builder(point, implementation).build();
    }

    /** {@code implementation} bound to the given tenants (countries or regions), priority 0. */
    public static <T> ExtensionBinding<T> to(Class<T> point, T implementation, String... tenants) {
        return builder(point, implementation).tenants(tenants).build();
    }

    /**
     * Bindings for every {@link ExtensionPoint} interface {@code implementation} implements, with the
     * tenants and priority of its {@link Extension @Extension} annotation (global when absent).
     *
     * @throws IllegalArgumentException if the class implements no extension point
     */
    public static List<ExtensionBinding<?>> annotated(Object implementation) {
        return annotated(implementation, implementation.getClass(), List.of(), null);
    }

    /**
     * Like {@link #annotated(Object)}, for frameworks: reads the annotation from
     * {@code implementationType} (the class behind a proxy), binds to {@code defaultTenants} when the
     * annotation names no tenant (a tenant module's tenant), and records {@code source} for messages.
     *
     * @throws IllegalArgumentException if {@code implementationType} implements no extension point or
     *         {@code implementation} is not an instance of one of them
     */
    public static List<ExtensionBinding<?>> annotated(Object implementation, Class<?> implementationType,
            Collection<TenantId> defaultTenants, @Nullable String source) {
        Objects.requireNonNull(implementation, "implementation");
        List<Class<?>> points = pointsOf(implementationType);
        if (points.isEmpty()) {
            throw new IllegalArgumentException(implementationType.getName()
                    + " implements no interface annotated @ExtensionPoint, so it cannot be bound as an extension.");
        }
        Extension annotation = implementationType.getAnnotation(Extension.class);
        List<ExtensionBinding<?>> bindings = new ArrayList<>(points.size());
        for (Class<?> point : points) {
            bindings.add(annotatedBinding(point, implementation, implementationType, annotation, defaultTenants, source));
        }
        return List.copyOf(bindings);
    }

    /** The interfaces annotated {@link ExtensionPoint} that {@code type} implements, directly or inherited. */
    public static List<Class<?>> pointsOf(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c.isInterface() && c.isAnnotationPresent(ExtensionPoint.class)) {
                found.add(c);
            }
            Collections.addAll(todo, c.getInterfaces());
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
        }
        return List.copyOf(found);
    }

    private static <T> ExtensionBinding<T> annotatedBinding(Class<T> point, Object implementation, Class<?> type,
            @Nullable Extension annotation, Collection<TenantId> defaultTenants, @Nullable String source) {
        Builder<T> b = builder(point, point.cast(checkInstance(point, implementation))).implementationType(type);
        if (annotation != null && annotation.tenants().length > 0) {
            b.tenants(annotation.tenants());
        } else {
            b.tenants(defaultTenants);
        }
        if (annotation != null) {
            b.priority(annotation.priority());
        }
        if (source != null) {
            b.source(source);
        }
        return b.build();
    }

    private static Object checkInstance(Class<?> point, Object implementation) {
        if (!point.isInstance(implementation)) {
            throw new IllegalArgumentException(implementation.getClass().getName() + " does not implement extension point "
                    + point.getName() + "; bind an instance of the point.");
        }
        return implementation;
    }

    /** The extension point interface. */
    public Class<T> point() {
        return point;
    }

    /** The implementation that answers. */
    public T implementation() {
        return implementation;
    }

    /** The class named in messages and reports: the implementation's class, or the class behind its proxy. */
    public Class<?> implementationType() {
        return implementationType;
    }

    /** The tenants (countries or regions) bound; empty for the global default. */
    public Set<TenantId> tenants() {
        return tenants;
    }

    /** Whether this is a global default (bound to no tenant). */
    public boolean isGlobal() {
        return tenants.isEmpty();
    }

    /** The priority; higher answers first within one level of a tenant's chain. */
    public int priority() {
        return priority;
    }

    /** Where the binding came from (a bean name, a module), for messages; may be null. */
    public @Nullable String source() {
        return source;
    }

    /** The implementation class name and the source, as shown in messages. */
    public String describe() {
        return source == null ? implementationType.getName() : implementationType.getName() + " (" + source + ")";
    }

    @Override
    public String toString() {
        return "ExtensionBinding[" + point.getSimpleName() + " -> " + describe()
                + (isGlobal() ? ", global" : ", tenants " + tenants) + ", priority " + priority + "]";
    }

    /**
     * Builds an {@link ExtensionBinding}.
     *
     * @param <T> the extension point
     */
    public static final class Builder<T> {

        private final Class<T> point;
        private final T implementation;
        private Class<?> implementationType;
        private final Set<TenantId> tenants = new LinkedHashSet<>();
        private int priority;
        private @Nullable String source;

        private Builder(Class<T> point, T implementation) {
            this.point = Objects.requireNonNull(point, "point");
            this.implementation = Objects.requireNonNull(implementation, "implementation");
            if (!point.isInterface() || !point.isAnnotationPresent(ExtensionPoint.class)) {
                throw new IllegalArgumentException(point.getName() + " is not an extension point: extension points are "
                        + "interfaces annotated @" + ExtensionPoint.class.getName() + "; annotate it or bind to such an interface.");
            }
            checkInstance(point, implementation);
            this.implementationType = implementation.getClass();
        }

        /** Adds tenants (validated ids of countries or regions). */
        public Builder<T> tenants(String... ids) {
            for (String id : ids) {
                tenants.add(TenantId.of(id));
            }
            return this;
        }

        /** Adds tenants. */
        public Builder<T> tenants(Collection<TenantId> ids) {
            for (TenantId id : ids) {
                tenants.add(Objects.requireNonNull(id, "tenant id"));
            }
            return this;
        }

        /** The priority (default 0); higher answers first within one level. */
        public Builder<T> priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Where the binding comes from (a bean name, a module), shown in messages. */
        public Builder<T> source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The class to name in messages, when the implementation is a proxy for it. */
        public Builder<T> implementationType(Class<?> type) {
            this.implementationType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Builds the binding. */
        public ExtensionBinding<T> build() {
            return new ExtensionBinding<>(this);
        }
    }
}
