package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigException.Problem;
import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.context.ScopePin;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyCaching;
import org.springframework.boot.context.properties.source.ConfigurationPropertyCaching.CacheOverride;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Binds every {@link TenantConfigurationProperties} class for every active tenant with Spring's {@link Binder}
 * over that tenant's own layers (its tenant files first, then the {@code Environment}); nothing is added to the
 * {@code Environment}. Validates each instance ({@link TenantConfigValidation}) and reports every problem of
 * every tenant at once. The instances are {@link TenantConfigStore#derive derived} from each generation of the
 * store: a new generation is bound (only the changed tenants) and validated before it is installed, vetoed if
 * anything is wrong, and published together with its instances, so that a scope that reads the generation reads
 * its instances, of every class.
 *
 * <p>One {@code Binder} per class binds all tenants, with the tenant's layer swapped in between (no property
 * source, mapping or {@code Bindable} is created per tenant); thousands of tenants are bound in slices on one
 * thread per processor, each slice with its own {@code Binder}.
 */
public final class TenantConfigurationBinder {

    /** Below this many tenants per processor, binding stays on the calling thread. */
    static final int PARALLEL_SLICE = 500;

    private final TenantConfigStore store;
    private final ConfigurableEnvironment environment;
    private final TenantConfigValidation validation;
    private final List<Class<?>> types;
    private final Map<Class<?>, TenantConfiguration<?>> handles = new LinkedHashMap<>();
    private final AtomicLong binds = new AtomicLong();
    private final TenantConfigStore.Slot<Object[][]> slot;
    private final ScopePin<Bound> pin = new ScopePin<>() {
        @Override
        protected Bound pin(@Nullable Tenant tenant, @Nullable Bound enclosing) {
            // The store pins the generation to the scope (and to the enclosing ones): the instances follow it.
            return bound(store.generation(), tenant);
        }
    };

    /**
     * Binds {@code types} for every active tenant of the store's generation and derives them from every later one.
     *
     * @throws TenantConfigException listing every binding and validation problem
     */
    public TenantConfigurationBinder(TenantConfigStore store, ConfigurableEnvironment environment,
            Collection<Class<?>> types, TenantConfigValidation validation) {
        this.store = store;
        this.environment = environment;
        this.validation = validation;
        this.types = List.copyOf(new LinkedHashSet<>(types));
        for (int i = 0; i < this.types.size(); i++) {
            Class<?> type = this.types.get(i);
            handles.put(type, newHandle(type, i));
        }
        this.slot = store.derive(this::bindAll);
    }

    /**
     * The binder of every class listed in {@link EnableTenantConfigurationProperties} in {@code beans}, validating
     * with Jakarta Bean Validation when present ({@link TenantConfigValidation#detect}).
     *
     * @throws TenantConfigException listing every binding and validation problem
     */
    public static TenantConfigurationBinder create(TenantConfigStore store, ConfigurableEnvironment environment,
            ListableBeanFactory beans) {
        Collection<Class<?>> types = beans.containsBean(TenantConfigurationRegistrar.TYPES)
                ? ((TenantConfigurationRegistrar.Types) beans.getBean(TenantConfigurationRegistrar.TYPES)).classes
                : List.of();
        return new TenantConfigurationBinder(store, environment, types, TenantConfigValidation.detect(beans));
    }

    /** The handle of {@code type}, one of the classes given at construction. */
    @SuppressWarnings("unchecked")
    public <T> TenantConfiguration<T> handle(Class<T> type) {
        TenantConfiguration<?> handle = handles.get(type);
        if (handle == null) {
            throw new IllegalArgumentException(type.getName() + " is not a tenant configuration class; list it in "
                    + "@EnableTenantConfigurationProperties (known: " + handles.keySet() + ")");
        }
        return (TenantConfiguration<T>) handle;
    }

    /** How many instances were bound so far: one per class and tenant at startup, then per class and changed tenant. */
    public long binds() {
        return binds.get();
    }

    /** The instances of the latest generation, for reads outside any scope. */
    Bound latest() {
        return bound(store.latest(), null);
    }

    private Bound bound(TenantConfigGeneration generation, @Nullable Tenant tenant) {
        Object[][] instances = slot.of(generation);
        int i = tenant == null ? -1 : generation.snapshot().indexOf(tenant);
        Object[] own = null;
        if (i >= 0) {
            own = new Object[instances.length];
            for (int c = 0; c < own.length; c++) {
                own[c] = instances[c][i];
            }
        }
        return new Bound(generation.snapshot(), instances, tenant, own);
    }

    private <T> TenantConfiguration<T> newHandle(Class<T> type, int index) {
        return new TenantConfiguration<>(type, prefix(type), index, this, pin);
    }

    /**
     * The instances of every class for {@code generation}, by class and snapshot index: bound anew for tenants in
     * {@code changed} or without an instance in {@code previous} (null: bind all), reused otherwise.
     */
    @SuppressWarnings("try") // the cache override is only closed
    private Object[][] bindAll(Object @Nullable [][] previous, @Nullable TenantConfigGeneration current,
            TenantConfigGeneration generation, Set<TenantId> changed) {
        TenantSnapshot snapshot = generation.snapshot();
        Object[][] bound = new Object[types.size()][];
        List<List<Problem>> problems = new ArrayList<>();
        // The Environment's sources are not changed while binding: cache their names instead of listing them per lookup.
        try (CacheOverride cached = ConfigurationPropertyCaching.get(environment).override()) {
            for (int c = 0; c < types.size(); c++) {
                Object[] instances = new Object[snapshot.size()];
                List<Tenant> toBind = new ArrayList<>();
                for (Tenant tenant : snapshot.active()) {
                    Object reused = null;
                    if (previous != null && current != null && !changed.contains(tenant.id())) {
                        int i = current.snapshot().indexOf(tenant.id());
                        reused = i < 0 ? null : previous[c][i];
                    }
                    if (reused != null) {
                        instances[snapshot.indexOf(tenant)] = reused;
                    } else {
                        toBind.add(tenant);
                    }
                }
                problems.addAll(bindAll(types.get(c), toBind, instances, generation));
                bound[c] = instances;
            }
        }
        List<Problem> all = problems.stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            throw new TenantConfigException(all);
        }
        return bound;
    }

    /**
     * Binds {@code type} for {@code tenants} into {@code instances} (by snapshot index): on this thread for a few
     * tenants, else in slices on a short-lived pool of one thread per processor, each slice with its own
     * {@code Binder} (a {@code Binder} is immutable, its tenant layer is not). Returns the problems, slice by slice.
     */
    private List<List<Problem>> bindAll(Class<?> type, List<Tenant> tenants, Object[] instances, TenantConfigGeneration generation) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), tenants.size() / PARALLEL_SLICE);
        if (threads < 2) {
            return List.of(bindSlice(type, tenants, instances, generation));
        }
        int slices = threads * 4;
        int size = (tenants.size() + slices - 1) / slices;
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "tenantkit-config-bind-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<Problem>>> futures = new ArrayList<>();
            for (int from = 0; from < tenants.size(); from += size) {
                List<Tenant> slice = tenants.subList(from, Math.min(tenants.size(), from + size));
                futures.add(pool.submit(() -> bindSlice(type, slice, instances, generation)));
            }
            List<List<Problem>> problems = new ArrayList<>();
            for (Future<List<Problem>> future : futures) {
                problems.add(future.get());
            }
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding " + type.getName() + " for " + tenants.size() + " tenants", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Binding " + type.getName() + " failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Problem> bindSlice(Class<?> type, List<Tenant> tenants, Object[] instances, TenantConfigGeneration generation) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        TenantSource tenantSource = new TenantSource();
        sources.add(tenantSource);
        ConfigurationPropertySources.get(environment).forEach(sources::add);
        Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment),
                ApplicationConversionService.getSharedInstance());
        Bindable<?> bindable = Bindable.of(type);
        String prefix = prefix(type);
        List<Problem> problems = new ArrayList<>();
        TenantSnapshot snapshot = generation.snapshot();
        for (Tenant tenant : tenants) {
            instances[snapshot.indexOf(tenant)] = bind(binder, tenantSource, bindable, type, prefix, tenant.id(), generation, problems);
        }
        return problems;
    }

    private @Nullable Object bind(Binder binder, TenantSource source, Bindable<?> bindable, Class<?> type, String prefix,
            TenantId tenant, TenantConfigGeneration generation, List<Problem> problems) {
        binds.incrementAndGet();
        Map<ConfigurationPropertyName, ConfigurationProperty> values = new HashMap<>();
        for (ConfigValue value : generation.values(tenant).values()) {
            // Only the keys under the prefix: the binder looks at no other.
            String key = value.key();
            if (key.startsWith(prefix) && (key.length() == prefix.length() || key.charAt(prefix.length()) == '.'
                    || key.charAt(prefix.length()) == '[')) {
                ConfigurationPropertyName name = source.name(key);
                values.put(name, new ConfigurationProperty(name, value.value(), new TenantFileOrigin(value.origin())));
            }
        }
        source.use(values);
        Object instance;
        try {
            instance = binder.bindOrCreate(prefix, bindable);
        } catch (BindException e) {
            ConfigurationProperty property = e.getProperty();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(new Problem(tenant.value(), property == null ? prefix : property.getName().toString(),
                    property == null ? null : configOrigin(property.getOrigin()),
                    "cannot be bound to " + type.getName() + ": " + String.valueOf(cause.getMessage()).replaceAll("\\P{Print}", "?")));
            return null;
        } finally {
            source.use(Map.of());
        }
        int before = problems.size();
        validation.check(tenant, instance, prefix, key -> generation.value(tenant, key).map(ConfigValue::origin).orElse(null), problems);
        return problems.size() == before ? instance : null;
    }

    /**
     * The instances of one generation as a scope reads them.
     *
     * @param snapshot the generation's tenants
     * @param instances by class index, then snapshot index; null for a tenant that is not active
     * @param tenant the scope's tenant, null outside a scope or in one without a tenant
     * @param own the tenant's instances by class index (an instance is null when the tenant is not active);
     *        null without a tenant or for a tenant not declared in {@code snapshot}
     */
    record Bound(TenantSnapshot snapshot, Object[][] instances, @Nullable Tenant tenant, Object @Nullable [] own) {
    }
    static String prefix(Class<?> type) {
        TenantConfigurationProperties annotation = type.getAnnotation(TenantConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not annotated with @TenantConfigurationProperties");
        }
        return annotation.value();
    }

    /** A Spring origin as a tenant configuration origin: the tenant file's own, or the application's file and line. */
    static @Nullable ConfigOrigin configOrigin(@Nullable Origin origin) {
        if (origin == null) {
            return null;
        }
        if (origin instanceof TenantFileOrigin file) {
            return file.origin();
        }
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            return new ConfigOrigin(ConfigOrigin.APPLICATION, null, text.getResource().getDescription(),
                    text.getLocation() == null ? 0 : text.getLocation().getLine() + 1);
        }
        return new ConfigOrigin(ConfigOrigin.APPLICATION, null, origin.toString(), 0);
    }
}
