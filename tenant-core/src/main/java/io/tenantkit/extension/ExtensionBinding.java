package io.tenantkit.extension;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * ExtensionBinding.builder(FeePolicy.class, new StandardFeePolicy()).build();                  // global default
 * ExtensionBinding.builder(FeePolicy.class, new ApacFeePolicy()).tenants("apac").priority(5).source("site-apac").build();
 * ExtensionBinding.annotated(new JpFeePolicy()).build();                                      // from @Extension
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

    /**
     * Starts the bindings that {@code implementation}'s {@link Extension @Extension} annotation declares:
     * one per {@link ExtensionPoint} interface its class implements, with the annotation's tenants and
     * priority (global, priority 0, without the annotation). Each is made with {@link #builder}.
     */
    public static Annotated annotated(Object implementation) {
        return new Annotated(implementation);
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
            this.point = ExtensionPointIndex.check(Objects.requireNonNull(point, "point"));
            this.implementation = Objects.requireNonNull(implementation, "implementation");
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
    /**
     * Reads the bindings of one implementation from its {@link Extension @Extension} annotation; the
     * options are for frameworks that know more than the annotation says.
     */
    public static final class Annotated {

        private final Object implementation;
        private Class<?> implementationType;
        private Collection<TenantId> defaultTenants = List.of();
        private @Nullable String source;

        private Annotated(Object implementation) {
            this.implementation = Objects.requireNonNull(implementation, "implementation");
            this.implementationType = implementation.getClass();
        }

        /** The class to read the annotation from and to name in messages, when the implementation is a proxy for it. */
        public Annotated implementationType(Class<?> type) {
            this.implementationType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** The tenants to bind to when the annotation names none (a tenant module's), instead of the global level. */
        public Annotated defaultTenants(Collection<TenantId> tenants) {
            this.defaultTenants = List.copyOf(tenants);
            return this;
        }

        /** Where the bindings come from (a bean name, a module), shown in messages. */
        public Annotated source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * One binding per extension point the implementation type implements.
         *
         * @throws IllegalArgumentException if it implements no extension point, or the implementation is
         *         not an instance of one of them
         */
        public List<ExtensionBinding<?>> build() {
            List<Class<?>> points = ExtensionPointIndex.implementedBy(implementationType);
            if (points.isEmpty()) {
                throw new IllegalArgumentException(implementationType.getName()
                        + " implements no interface annotated @ExtensionPoint, so it cannot be bound as an extension.");
            }
            Extension annotation = implementationType.getAnnotation(Extension.class);
            List<ExtensionBinding<?>> bindings = new ArrayList<>(points.size());
            for (Class<?> point : points) {
                bindings.add(binding(point, annotation));
            }
            return List.copyOf(bindings);
        }

        private <T> ExtensionBinding<T> binding(Class<T> point, @Nullable Extension annotation) {
            Builder<T> b = builder(point, point.cast(checkInstance(point, implementation))).implementationType(implementationType);
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
    }
}
