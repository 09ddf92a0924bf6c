package io.tenantkit.config;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.UnknownTenantException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every tenant's configuration at one point in time: immutable, built whole and swapped whole by a
 * {@link TenantConfigStore}.
 *
 * <p>A tenant's value of a key is taken from the strongest layer that has it. From weakest to strongest:
 * the application's defaults ({@link ConfigDefaults}); the module files ({@code tenants/<id>/tenant.yml}) of
 * the tenant's ancestors, farthest first (global, then region, ...), then its own; the operator files
 * ({@code <id>.yml} of the operator directory) in the same order. A list written in a stronger layer
 * replaces the whole list of a weaker one.
 */
public final class TenantConfigGeneration {

    /** The key prefix of feature flags: {@code features.<name>: true|false}. */
    public static final String FEATURES = "features.";

    private static final @Nullable Object[] NO_DERIVED = {};

    private final long number;
    private final TenantSnapshot snapshot;
    private final Map<TenantId, TenantFile> modules;
    private final Map<TenantId, TenantFile> operators;
    private final ConfigDefaults defaults;
    /** By snapshot index: the tenant's own layers merged, without the application defaults. */
    private final List<Map<String, ConfigValue>> values;
    /** What the store's derivations made of this generation, by slot; published with it. */
    final @Nullable Object[] derived;

    private TenantConfigGeneration(long number, TenantSnapshot snapshot, Map<TenantId, TenantFile> modules,
            Map<TenantId, TenantFile> operators, ConfigDefaults defaults, List<Map<String, ConfigValue>> values,
            @Nullable Object[] derived) {
        this.number = number;
        this.snapshot = snapshot;
        this.modules = modules;
        this.operators = operators;
        this.defaults = defaults;
        this.values = values;
        this.derived = derived;
    }

    /** This generation with {@code derived} (by slot) published with it. */
    TenantConfigGeneration withDerived(@Nullable Object[] derived) {
        return new TenantConfigGeneration(number, snapshot, modules, operators, defaults, values, derived);
    }

    /**
     * The first generation.
     *
     * @param snapshot the tenants
     * @param modules the module files by tenant (files of undeclared tenants are not used)
     * @param operators the operator files by tenant
     * @param defaults the application's values
     * @throws TenantConfigException listing every feature flag that is neither true nor false
     */
    public static TenantConfigGeneration of(TenantSnapshot snapshot, Map<TenantId, TenantFile> modules,
            Map<TenantId, TenantFile> operators, ConfigDefaults defaults) {
        Map<TenantId, TenantFile> m = Map.copyOf(modules);
        Map<TenantId, TenantFile> o = Map.copyOf(operators);
        List<Map<String, ConfigValue>> values = new ArrayList<>(snapshot.size());
        for (Tenant tenant : snapshot.all()) {
            values.add(merge(snapshot, tenant.id(), m, o));
        }
        return checked(new TenantConfigGeneration(1, snapshot, m, o, Objects.requireNonNull(defaults, "defaults"),
                List.copyOf(values), NO_DERIVED), snapshot.all().stream().map(Tenant::id).toList());
    }

    /**
     * The next generation: {@code snapshot} (the same or a changed one) and the operator files in
     * {@code changed} (a null value removes a tenant's file). Only the tenants whose chain reaches a changed
     * file, or whose chain changed in the snapshot, are merged again; the others keep their values.
     *
     * @throws TenantConfigException listing every feature flag that is neither true nor false
     */
    public TenantConfigGeneration next(TenantSnapshot snapshot, Map<TenantId, @Nullable TenantFile> changed) {
        Map<TenantId, TenantFile> o = new HashMap<>(operators);
        changed.forEach((id, file) -> {
            if (file == null) {
                o.remove(id);
            } else {
                o.put(id, file);
            }
        });
        Map<TenantId, TenantFile> ops = Map.copyOf(o);
        List<Map<String, ConfigValue>> next = new ArrayList<>(snapshot.size());
        List<TenantId> merged = new ArrayList<>();
        for (Tenant tenant : snapshot.all()) {
            Map<String, ConfigValue> before = sameChain(snapshot, tenant.id()) ? valuesOrNull(tenant.id()) : null;
            if (before == null || reaches(snapshot, tenant.id(), changed.keySet())) {
                next.add(merge(snapshot, tenant.id(), modules, ops));
                merged.add(tenant.id());
            } else {
                next.add(before);
            }
        }
        return checked(new TenantConfigGeneration(number + 1, snapshot, modules, ops, defaults, List.copyOf(next), NO_DERIVED),
                merged);
    }

    /** Counts generations: 1 for the first, one more for each {@link #next}. */
    public long number() {
        return number;
    }

    /** The tenants this generation holds configuration for. */
    public TenantSnapshot snapshot() {
        return snapshot;
    }

    /** The application defaults this generation falls back to. */
    public ConfigDefaults defaults() {
        return defaults;
    }

    /**
     * The tenant's values from its tenant files (module and operator layers, its ancestors' included), by
     * key in file order; the application defaults are not listed (see {@link #explain}).
     *
     * @throws UnknownTenantException if the tenant is not in {@link #snapshot()}
     */
    public Map<String, ConfigValue> values(TenantId tenant) {
        return values.get(index(tenant));
    }

    /** The tenant's value of {@code key}: from its layers, else the application's; empty if neither has it. */
    public Optional<ConfigValue> value(TenantId tenant, String key) {
        ConfigValue own = values(tenant).get(key);
        return Optional.ofNullable(own != null ? own : defaults.find(key));
    }

    /**
     * Every value of {@code key} for the tenant, strongest first: the first one is the answer, the others
     * are what it overrides (their origins say which layer, file and line). Empty if no layer has the key.
     */
    public List<ConfigValue> explain(TenantId tenant, String key) {
        List<ConfigValue> found = new ArrayList<>(4);
        for (TenantFile file : layers(snapshot, tenant, modules, operators)) {
            ConfigValue value = file.configuration().get(key);
            if (value != null) {
                found.add(value);
            }
        }
        ConfigValue shared = defaults.find(key);
        if (shared != null) {
            found.add(shared);
        }
        Collections.reverse(found.subList(0, found.size() - (shared == null ? 0 : 1)));
        return List.copyOf(found);
    }

    /**
     * Whether feature {@code name} is on for the tenant: {@code features.<name>: true} in its strongest layer
     * that has the key; off when no layer has it.
     */
    public boolean isOn(TenantId tenant, String name) {
        return value(tenant, FEATURES + name).map(v -> Boolean.parseBoolean(v.value().trim())).orElse(false);
    }

    /** The tenants whose values differ between {@code previous} and this generation, or that are new. */
    public Set<TenantId> changedSince(TenantConfigGeneration previous) {
        Set<TenantId> changed = new LinkedHashSet<>();
        for (Tenant tenant : snapshot.all()) {
            int before = previous.snapshot.indexOf(tenant.id());
            Map<String, ConfigValue> now = values.get(index(tenant.id()));
            if (before < 0 || previous.values.get(before) != now && !previous.values.get(before).equals(now)) {
                changed.add(tenant.id());
            }
        }
        return changed;
    }

    @Override
    public String toString() {
        return "TenantConfigGeneration[" + number + ", " + snapshot + "]";
    }

    private int index(TenantId tenant) {
        int i = snapshot.indexOf(tenant);
        return i >= 0 ? i : snapshot.indexOf(snapshot.require(tenant));
    }

    private @Nullable Map<String, ConfigValue> valuesOrNull(TenantId tenant) {
        int i = snapshot.indexOf(tenant);
        return i < 0 ? null : values.get(i);
    }

    /** Whether {@code tenant} has the same parent chain in {@code next} as in this generation's snapshot. */
    private boolean sameChain(TenantSnapshot next, TenantId tenant) {
        return snapshot.indexOf(tenant) >= 0 && ids(snapshot.lineage(tenant)).equals(ids(next.lineage(tenant)));
    }

    private static boolean reaches(TenantSnapshot snapshot, TenantId tenant, Set<TenantId> changed) {
        for (Tenant t : snapshot.lineage(tenant)) {
            if (changed.contains(t.id())) {
                return true;
            }
        }
        return false;
    }

    private static List<TenantId> ids(List<Tenant> tenants) {
        return tenants.stream().map(Tenant::id).toList();
    }

    /** The tenant files of {@code tenant}'s layers, weakest first. */
    private static List<TenantFile> layers(TenantSnapshot snapshot, TenantId tenant, Map<TenantId, TenantFile> modules,
            Map<TenantId, TenantFile> operators) {
        List<Tenant> lineage = snapshot.lineage(tenant);
        List<TenantFile> layers = new ArrayList<>(lineage.size() * 2);
        for (Map<TenantId, TenantFile> files : List.of(modules, operators)) {
            for (int i = lineage.size() - 1; i >= 0; i--) {
                TenantFile file = files.get(lineage.get(i).id());
                if (file != null) {
                    layers.add(file);
                }
            }
        }
        return layers;
    }

    private static Map<String, ConfigValue> merge(TenantSnapshot snapshot, TenantId tenant, Map<TenantId, TenantFile> modules,
            Map<TenantId, TenantFile> operators) {
        Map<String, ConfigValue> merged = new LinkedHashMap<>();
        for (TenantFile layer : layers(snapshot, tenant, modules, operators)) {
            Set<String> lists = new LinkedHashSet<>();
            for (String key : layer.configuration().keySet()) {
                int bracket = key.indexOf('[');
                if (bracket > 0) {
                    lists.add(key.substring(0, bracket + 1));
                }
            }
            if (!lists.isEmpty()) {
                merged.keySet().removeIf(key -> lists.stream().anyMatch(key::startsWith));
            }
            merged.putAll(layer.configuration());
        }
        return merged.isEmpty() ? Map.of() : Collections.unmodifiableMap(merged);
    }

    private static TenantConfigGeneration checked(TenantConfigGeneration generation, List<TenantId> tenants) {
        List<TenantConfigException.Problem> problems = new ArrayList<>();
        for (TenantId tenant : tenants) {
            for (ConfigValue value : generation.values(tenant).values()) {
                if (value.key().startsWith(FEATURES) && !isBoolean(value.value())) {
                    problems.add(new TenantConfigException.Problem(tenant.value(), value.key(), value.origin(),
                            "a feature flag is true or false, not '" + value.value().replaceAll("\\P{Print}", "?") + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigException(problems);
        }
        return generation;
    }

    private static boolean isBoolean(String value) {
        String v = value.trim();
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }
}
