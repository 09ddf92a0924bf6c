package io.tenantkit.tenant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tenantkit.extension.ExtensionRegistry;

import org.openjdk.jol.info.GraphLayout;

/**
 * The scale program: for 10, 1,000 and 10,000 config-only tenants (see {@link ScaleTenants}), in a fresh
 * JVM each, how long building the registry and then the extension dispatch tables of
 * {@link ScaleExtensions} takes cold (the start-up cost: first use, classes loading, interpreter) and how
 * much heap each retains per tenant. Warm build times come from {@link TenantRegistryBuildBenchmark};
 * the application's start-up time and heap come from {@code tenant-benchmarks/scale/run-startup.sh}.
 *
 * <p>Heap is measured two ways, and both are printed: the used heap after a forced full GC (Serial
 * collector, fixed heap size) with the registry held, minus the same before it was built, after a
 * warm-up build that loads the classes and fills the JDK caches shared by all tenants (locales,
 * zones, currencies); and JOL's walk of every object reachable from the registry
 * ({@code GraphLayout.totalSize}), which counts shared objects (the region tenants, the JDK's locale
 * and zone instances) once. Both divide by the number of tenants. The extension tables are measured the
 * same way on top of the registry: the GC delta after building them, and JOL's walk of the extension
 * registry less that of the tenant registry it holds.
 *
 * <p>Run: {@code java -cp tenant-benchmarks/target/benchmarks.jar io.tenantkit.tenant.TenantScale [counts...]}
 */
public final class TenantScale {

    private static final String MEASURE = "--measure";
    private static final String RESULT = "RESULT ";

    private TenantScale() {
    }

    /**
     * Without arguments measures 10, 1,000 and 10,000 tenants and prints a markdown table; with counts,
     * those. {@code --measure n} is the child mode: one count, one result line.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals(MEASURE)) {
            System.out.println(RESULT + measure(Integer.parseInt(args[1])));
            return;
        }
        List<Integer> counts = new ArrayList<>();
        for (String arg : args) {
            counts.add(Integer.parseInt(arg));
        }
        table(counts.isEmpty() ? List.of(10, 1_000, 10_000) : counts).forEach(System.out::println);
    }

    /** Measures each count in its own JVM; returns the markdown table, line by line. */
    static List<String> table(List<Integer> counts) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add("| tenants | cold build: declare (ms) | cold build: snapshot + registry (ms) "
                + "| registry heap per tenant, GC delta (bytes) | registry heap per tenant, JOL (bytes) "
                + "| cold build: extension tables, " + ScaleExtensions.POINTS + " points (ms) "
                + "| extension heap per tenant, GC delta (bytes) | extension heap per tenant, JOL (bytes) |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : counts) {
            lines.add(row(runChild(n)));
        }
        return lines;
    }

    private static String row(String result) {
        String[] f = result.trim().split(" ");
        return String.format(Locale.ROOT, "| %,d | %s | %s | %,d | %,d | %s | %,d | %,d |", Integer.parseInt(f[0]), f[1],
                f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), f[5], Long.parseLong(f[6]), Long.parseLong(f[7]));
    }

    private static String runChild(int n) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder child = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xms1g", "-Xmx1g",
                "-Djdk.attach.allowAttachSelf=true", "-Djol.magicFieldOffset=true",
                "-Djol.tryWithSudo=false", "-cp", System.getProperty("java.class.path"),
                TenantScale.class.getName(), MEASURE, Integer.toString(n));
        child.redirectErrorStream(true);
        Process process = child.start();
        String result = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                } else {
                    other.add(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException("The measuring JVM for " + n + " tenants exited with " + exit
                    + " and no result. Its output:\n" + String.join("\n", other));
        }
        return result;
    }

    /**
     * Child mode: "n declareMs buildMs gcBytesPerTenant jolBytesPerTenant extensionMs extensionGcBytesPerTenant
     * extensionJolBytesPerTenant".
     */
    private static String measure(int n) {
        // Warm-up with other ids: loads the classes and the JDK's shared locale, zone and currency instances.
        TenantRegistry warmUp = new TenantRegistry(TenantSnapshot.of(ScaleTenants.declare(ScaleTenants.REGIONS)));
        ScaleExtensions.registry(warmUp, ScaleTenants.REGIONS).close();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);

        long t0 = System.nanoTime();
        List<Tenant> declared = ScaleTenants.declare(n);
        long t1 = System.nanoTime();
        TenantRegistry registry = new TenantRegistry(TenantSnapshot.of(declared));
        long t2 = System.nanoTime();
        declared = null; // only the registry may keep the tenants alive for the heap measurement

        long after = usedAfterGc(memory);
        long gcPerTenant = (after - before) / n;
        long registryJol = GraphLayout.parseInstance(registry).totalSize();
        if (registry.snapshot().size() != n + ScaleTenants.REGIONS + 1) {
            throw new IllegalStateException("registry holds " + registry.snapshot().size() + " tenants");
        }

        long t3 = System.nanoTime();
        ExtensionRegistry extensions = ScaleExtensions.registry(registry, n);
        long t4 = System.nanoTime();
        long withExtensions = usedAfterGc(memory);
        // The tenant registry reaches the extension registry now (through its listener): subtract its size from before.
        long extensionJol = GraphLayout.parseInstance(extensions).totalSize() - registryJol;
        if (extensions.points().size() != ScaleExtensions.POINTS) {
            throw new IllegalStateException("extension registry has " + extensions.points() + " points");
        }
        return String.format(Locale.ROOT, "%d %.2f %.2f %d %d %.2f %d %d", n, (t1 - t0) / 1e6, (t2 - t1) / 1e6, gcPerTenant,
                registryJol / n, (t4 - t3) / 1e6, (withExtensions - after) / n, extensionJol / n);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
