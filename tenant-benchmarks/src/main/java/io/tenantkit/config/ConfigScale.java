package io.tenantkit.config;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;

import io.tenantkit.spring.config.TenantConfiguration;
import io.tenantkit.spring.config.TenantConfigurationBinder;
import io.tenantkit.spring.config.TenantConfigurationProperties;
import io.tenantkit.spring.config.TenantConfigValidation;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.StandardEnvironment;

/**
 * The configuration scale program: {@code n} tenants (default 10,000), each with its own tenant file of 50 keys
 * under {@code scale.*}, layered over a region file; how long building the first generation and binding one
 * {@code @TenantConfigurationProperties} class (5 of the keys) for every tenant takes cold (the start-up cost),
 * with the process's CPU time beside the wall-clock time (a shared machine inflates the latter most),
 * the heap retained per tenant (used heap after a full GC, with and without the configuration held), and how
 * many tenants a reload of one tenant's file re-binds.
 *
 * <p>Run (fixed heap, Serial GC for a stable after-GC figure): {@code java -Xms1g -Xmx1g -XX:+UseSerialGC -cp
 * tenant-benchmarks/target/benchmarks.jar io.tenantkit.config.ConfigScale 10000}
 */
public final class ConfigScale {

    static final int KEYS = 50;

    /**
     * The bound class: 5 of each tenant's 50 keys.
     *
     * @param key0 a decimal
     * @param key1 a number
     * @param key2 a text
     * @param key3 a flag
     * @param key4 a decimal
     */
    @TenantConfigurationProperties("scale")
    public record Settings(BigDecimal key0, long key1, String key2, boolean key3, BigDecimal key4) {
    }

    private ConfigScale() {
    }

    /** Measures {@code args[0]} tenants (default 10,000) and prints the figures. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Tenant> tenants = new ArrayList<>(n + 1);
        tenants.add(Tenant.builder("region").status(io.tenantkit.tenant.TenantStatus.INACTIVE).build());
        for (int i = 0; i < n; i++) {
            tenants.add(Tenant.builder("t" + i).parent("region").build());
        }
        TenantSnapshot snapshot = TenantSnapshot.of(tenants);
        Map<TenantId, TenantFile> files = new HashMap<>();
        files.put(TenantId.of("region"), file("region", 0));
        for (int i = 0; i < n; i++) {
            files.put(TenantId.of("t" + i), file("t" + i, i));
        }
        long before = usedAfterGc();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long startCpu = os.getProcessCpuTime();
        TenantConfigStore store = new TenantConfigStore(TenantConfigGeneration.of(snapshot, files, Map.of(), ConfigDefaults.NONE));
        long generated = System.nanoTime();
        long generatedCpu = os.getProcessCpuTime();
        TenantConfigurationBinder binder = new TenantConfigurationBinder(store, new StandardEnvironment(), List.of(Settings.class),
                TenantConfigValidation.NONE);
        long bound = System.nanoTime();
        long boundCpu = os.getProcessCpuTime();
        long held = usedAfterGc();
        long binds = binder.binds();
        TenantFile changed = file("t0", 999_999);
        store.update(g -> g.next(snapshot, Map.of(TenantId.of("t0"), changed)));
        TenantConfiguration<Settings> settings = binder.handle(Settings.class);
        System.out.printf("tenants=%d keys/tenant=%d%n", n, KEYS);
        System.out.printf("generation build: %d ms, binding %d tenants: %d ms (cold, one JVM)%n",
                (generated - start) / 1_000_000, n, (bound - generated) / 1_000_000);
        System.out.printf("CPU time of the process, JIT and GC included (a busy machine inflates it less than wall time): generation %d ms, binding %d ms%n",
                (generatedCpu - startCpu) / 1_000_000, (boundCpu - generatedCpu) / 1_000_000);
        System.out.printf("heap retained (tenant files excluded, they are input): %d bytes/tenant%n",
                (held - before) / n);
        System.out.printf("reload of t0: %d bind(s) (of %d at startup); t0 key1 now %d%n", binder.binds() - binds, binds,
                settings.of(TenantId.of("t0")).key1());
        keep(store);
    }

    private static @Nullable Object sink;

    private static void keep(Object o) {
        sink = o;
    }

    private static TenantFile file(String tenant, int seed) {
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        for (int k = 0; k < KEYS; k++) {
            String key = "scale.key" + k;
            String value = switch (k) {
                case 1 -> Integer.toString(seed);
                case 3 -> Boolean.toString(seed % 2 == 0);
                case 2 -> "text-" + seed;
                default -> "0." + (seed % 1000 + k);
            };
            values.put(key, new ConfigValue(key, value, new ConfigOrigin(ConfigOrigin.OPERATOR, tenant, tenant + ".yml", k + 1)));
        }
        return new TenantFile(TenantId.of(tenant), tenant + ".yml", Map.of(), values);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
