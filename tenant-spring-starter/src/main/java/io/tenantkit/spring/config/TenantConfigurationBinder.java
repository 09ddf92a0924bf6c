package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigException.Problem;
import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.config.TenantConfigListener;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Binds every {@link TenantConfigurationProperties} class for every active tenant with Spring's {@link Binder}
 * over that tenant's own layers (its tenant files first, then the {@code Environment}); nothing is added to the
 * {@code Environment}. Validates each instance ({@link TenantConfigValidation}) and reports every problem of
 * every tenant at once. Listens to the {@link TenantConfigStore}: a new generation is bound (only the changed
 * tenants) and validated before it is installed, and vetoed if anything is wrong.
 */
public final class TenantConfigurationBinder implements TenantConfigListener {

    private final ConfigurableEnvironment environment;
    private final TenantConfigValidation validation;
    private final Map<Class<?>, TenantConfiguration<?>> handles = new LinkedHashMap<>();
    private final AtomicLong binds = new AtomicLong();
    /** Built by beforeChange, published by afterChange; the store serialises both. */
    private @Nullable Map<Class<?>, @Nullable Object[]> pending;

    /**
     * Binds {@code types} for every active tenant of the store's generation and listens to the store.
     *
     * @throws TenantConfigException listing every binding and validation problem
     */
    public TenantConfigurationBinder(TenantConfigStore store, ConfigurableEnvironment environment,
            Collection<Class<?>> types, TenantConfigValidation validation) {
        this.environment = environment;
        this.validation = validation;
        TenantConfigGeneration generation = store.generation();
        Map<Class<?>, @Nullable Object[]> bound = bindAll(types, null, generation, Set.of());
        bound.forEach((type, dispatch) -> handles.put(type, newHandle(type, dispatch)));
        store.addListener(this);
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

    @Override
    public void beforeChange(TenantConfigGeneration current, TenantConfigGeneration next, Set<TenantId> changed) {
        Map<Class<?>, @Nullable Object[]> previous = new LinkedHashMap<>();
        handles.forEach((type, handle) -> previous.put(type, handle.dispatch()));
        pending = bindAll(handles.keySet(), previous, next, changed);
    }

    @Override
    public void afterChange(TenantConfigGeneration previous, TenantConfigGeneration current, Set<TenantId> changed) {
        Map<Class<?>, @Nullable Object[]> next = pending;
        pending = null;
        if (next != null) {
            next.forEach((type, dispatch) -> handles.get(type).publish(dispatch));
        }
    }

    private static <T> TenantConfiguration<T> newHandle(Class<T> type, @Nullable Object[] dispatch) {
        return new TenantConfiguration<>(type, prefix(type), dispatch);
    }

    /**
     * The instances of {@code types} for {@code generation}: bound anew for tenants in {@code changed} or
     * without an instance in {@code previous} (null: bind all), reused otherwise.
     */
    private Map<Class<?>, @Nullable Object[]> bindAll(Collection<Class<?>> types, @Nullable Map<Class<?>, @Nullable Object[]> previous,
            TenantConfigGeneration generation, Set<TenantId> changed) {
        TenantSnapshot snapshot = generation.snapshot();
        List<Problem> problems = new ArrayList<>();
        Map<Class<?>, @Nullable Object[]> bound = new LinkedHashMap<>();
        List<ConfigurationPropertySource> shared = new ArrayList<>();
        ConfigurationPropertySources.get(environment).forEach(shared::add);
        for (Class<?> type : types) {
            @Nullable Object[] old = previous == null ? null : previous.get(type);
            @Nullable Object[] dispatch = new Object[snapshot.size() + 1];
            dispatch[0] = snapshot;
            for (Tenant tenant : snapshot.active()) {
                Object reused = null;
                if (old != null && !changed.contains(tenant.id())) {
                    int i = ((TenantSnapshot) old[0]).indexOf(tenant.id());
                    reused = i < 0 ? null : old[i + 1];
                }
                dispatch[snapshot.indexOf(tenant) + 1] = reused != null ? reused : bind(type, tenant.id(), generation, shared, problems);
            }
            bound.put(type, dispatch);
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigException(problems);
        }
        return bound;
    }

    private @Nullable Object bind(Class<?> type, TenantId tenant, TenantConfigGeneration generation,
            List<ConfigurationPropertySource> shared, List<Problem> problems) {
        binds.incrementAndGet();
        String prefix = prefix(type);
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigValue value : generation.values(tenant).values()) {
            // Only the keys under the prefix: the property source maps every key it holds, once per tenant.
            String key = value.key();
            if (key.startsWith(prefix) && (key.length() == prefix.length() || key.charAt(prefix.length()) == '.'
                    || key.charAt(prefix.length()) == '[')) {
                values.put(key, OriginTrackedValue.of(value.value(), new TenantFileOrigin(value.origin())));
            }
        }
        List<ConfigurationPropertySource> sources = new ArrayList<>(shared.size() + 1);
        sources.add(ConfigurationPropertySource.from(new OriginTrackedMapPropertySource("tenant " + tenant, values)));
        sources.addAll(shared);
        Binder binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment),
                ApplicationConversionService.getSharedInstance());
        Object instance;
        try {
            instance = binder.bindOrCreate(prefix, Bindable.of(type));
        } catch (BindException e) {
            ConfigurationProperty property = e.getProperty();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(new Problem(tenant.value(), property == null ? prefix : property.getName().toString(),
                    property == null ? null : configOrigin(property.getOrigin()),
                    "cannot be bound to " + type.getName() + ": " + String.valueOf(cause.getMessage()).replaceAll("\\P{Print}", "?")));
            return null;
        }
        int before = problems.size();
        validation.check(tenant, instance, prefix, key -> generation.value(tenant, key).map(ConfigValue::origin).orElse(null), problems);
        return problems.size() == before ? instance : null;
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
