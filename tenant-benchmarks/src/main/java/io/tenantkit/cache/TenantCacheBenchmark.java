package io.tenantkit.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tenantkit.benchmarks.ComparedTo;
import io.tenantkit.context.TenantContext;
import io.tenantkit.context.TenantScope;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A tenant cache hit against a plain Caffeine hit (target ≥ 80% of plain Caffeine's throughput, so at most 1.25x its
 * time), with the same keys and values, at 10 and 10,000 tenants each holding {@value #KEYS} entries:
 *
 * <ul>
 *   <li>{@code plainGet}: {@code Cache.getIfPresent} on one Caffeine cache holding the keys (the baseline).</li>
 *   <li>{@code tenantGetCurrent}: {@code TenantCache.getIfPresent(key)}, the current tenant's entry (what
 *       {@code @Cacheable} does).</li>
 *   <li>{@code plainGetAfterTenantRead}: the current tenant read, then a plain hit that does not wait for it: the
 *       floor of any cache that checks the thread's tenant.</li>
 *   <li>{@code tenantGetCurrentSwitching} against {@code plainGetSwitching}: the current tenant changes every 16 calls
 *       (leaving one scope and entering the next tenant's, over all tenants), as on a thread serving requests of
 *       different sites; the tenant cache's guess of the tenant is then often wrong.</li>
 *   <li>{@code tenantGetExplicit}: {@code TenantCache.getIfPresent(tenant, key)}, the tenant changing every 16 calls.</li>
 *   <li>{@code sharedGetCompositeKey}: the alternative design, one Caffeine cache holding every tenant's entries
 *       under (tenant, key) keys, the tenant changing every 16 calls.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar tenant-benchmarks/target/benchmarks.jar TenantCacheBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TenantCacheBenchmark {

    static final int KEYS = 16;

    /** A key of the shared cache. */
    record TenantKey(TenantId tenant, Integer key) {
    }

    @Param({"10", "10000"})
    public int tenants;

    private final Integer[] keys = new Integer[KEYS];
    private final Object value = new Object();
    private TenantRegistry registry;
    private TenantId[] ids;
    private TenantKey[] tenantKeys;
    private Cache<Integer, Object> plain;
    private Cache<TenantKey, Object> shared;
    private TenantCache<Integer, Object> tenantCache;
    private @Nullable TenantScope scope;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<Tenant> declared = new ArrayList<>(tenants);
        for (int t = 0; t < tenants; t++) {
            declared.add(Tenant.builder("t" + t).build());
        }
        registry = TenantRegistry.of(declared.toArray(Tenant[]::new));
        ids = declared.stream().map(Tenant::id).toArray(TenantId[]::new);
        plain = Caffeine.newBuilder().maximumSize(1000).build();
        shared = Caffeine.newBuilder().maximumSize(1000L * tenants).build();
        tenantCache = TenantCacheBuilder.newBuilder("bench").spec("maximumSize=1000").registry(registry).build();
        tenantKeys = new TenantKey[tenants * KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = k * 1_000_003;
            plain.put(keys[k], value);
        }
        for (int t = 0; t < tenants; t++) {
            for (int k = 0; k < KEYS; k++) {
                tenantCache.put(ids[t], keys[k], value);
                tenantKeys[t * KEYS + k] = new TenantKey(ids[t], keys[k]);
                shared.put(tenantKeys[t * KEYS + k], value);
            }
        }
        scope = TenantContext.enter(registry.require(ids[0]));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (scope != null) {
            scope.close();
        }
    }

    /** Baseline: a plain Caffeine hit. */
    @Benchmark
    public @Nullable Object plainGet() {
        return plain.getIfPresent(keys[next++ & (KEYS - 1)]);
    }

    /**
     * The floor of any cache that checks the thread's tenant: the current tenant read, then a plain Caffeine hit that
     * does not depend on it. A cache chosen by that tenant cannot cost less than reading it and a hit.
     */
    @Benchmark
    @ComparedTo("plainGet")
    public @Nullable Object plainGetAfterTenantRead() {
        Tenant tenant = TenantContext.currentOrNull();
        Object value = plain.getIfPresent(keys[next++ & (KEYS - 1)]);
        return tenant == null ? null : value;
    }

    /** A hit of the current tenant. */
    @Benchmark
    @ComparedTo("plainGet")
    public @Nullable Object tenantGetCurrent() {
        return tenantCache.getIfPresent(keys[next++ & (KEYS - 1)]);
    }

    /** Baseline of {@link #tenantGetCurrentSwitching}: the same scope changes, with a plain hit. */
    @Benchmark
    public @Nullable Object plainGetSwitching() {
        switchTenantEvery16Calls();
        return plain.getIfPresent(keys[next++ & (KEYS - 1)]);
    }

    /** A hit of the current tenant, another tenant every 16 calls. */
    @Benchmark
    @ComparedTo("plainGetSwitching")
    public @Nullable Object tenantGetCurrentSwitching() {
        switchTenantEvery16Calls();
        return tenantCache.getIfPresent(keys[next++ & (KEYS - 1)]);
    }

    private void switchTenantEvery16Calls() {
        if ((next & (KEYS - 1)) == 0) {
            Objects.requireNonNull(scope).close();
            scope = TenantContext.enter(registry.require(ids[(next >>> 4) % tenants]));
        }
    }

    /** A hit of a named tenant, another one every 16 calls. */
    @Benchmark
    @ComparedTo("plainGet")
    public @Nullable Object tenantGetExplicit() {
        int n = next++;
        return tenantCache.getIfPresent(ids[(n >>> 4) % tenants], keys[n & (KEYS - 1)]);
    }

    /** A hit in one shared cache under a (tenant, key) key, another tenant every 16 calls. */
    @Benchmark
    @ComparedTo("plainGet")
    public @Nullable Object sharedGetCompositeKey() {
        int n = next++;
        return shared.getIfPresent(tenantKeys[((n >>> 4) % tenants) * KEYS + (n & (KEYS - 1))]);
    }
}
