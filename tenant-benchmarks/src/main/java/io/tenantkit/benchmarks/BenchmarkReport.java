package io.tenantkit.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Version;

/**
 * Runs the benchmarks and prints markdown: the machine, then one table per benchmark group, each
 * measured in one JMH run, every row with its ratios to the baselines named by {@link ComparedTo} (same
 * {@code @Param} values, same run). JMH's own progress goes to standard error.
 *
 * <pre>
 * java -cp tenant-benchmarks/target/benchmarks.jar io.tenantkit.benchmarks.BenchmarkReport full &gt; report.md
 * java -cp tenant-benchmarks/target/benchmarks.jar io.tenantkit.benchmarks.BenchmarkReport smoke context
 * </pre>
 *
 * <p>Arguments: the profile ({@code smoke} or {@code full}), then the groups to run (default all):
 * {@code extension}, {@code context}, {@code propagation}, {@code tenant}, {@code logging}, {@code config}, {@code cache}.
 */
public final class BenchmarkReport {

    /** The groups: one table each, one JMH run each. */
    static final Map<String, String> GROUPS = groups();

    private BenchmarkReport() {
    }

    private static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("extension", "Extension dispatch");
        groups.put("context", "Tenant scope and current-tenant read");
        groups.put("propagation", "Task hand-off");
        groups.put("tenant", "Registry build (warm)");
        groups.put("logging", "Per-tenant log level filter");
        groups.put("config", "Per-tenant configuration read");
        groups.put("cache", "Tenant cache get");
        return groups;
    }

    /** See the class comment. */
    public static void main(String[] args) throws RunnerException {
        Profile profile = args.length == 0 ? Profile.FULL : Profile.valueOf(args[0].toUpperCase(Locale.ROOT));
        List<String> chosen = args.length > 1 ? List.of(args).subList(1, args.length) : List.copyOf(GROUPS.keySet());
        for (String group : chosen) {
            if (!GROUPS.containsKey(group)) {
                throw new IllegalArgumentException("Unknown group '" + group + "'; choose from " + GROUPS.keySet());
            }
        }
        PrintStream out = System.out;
        out.println(machine(profile));
        for (String group : chosen) {
            Instant start = Instant.now();
            Collection<RunResult> results = run(profile, group);
            out.println();
            out.println("### " + GROUPS.get(group));
            out.println();
            out.println("One JMH run, started " + start.truncatedTo(ChronoUnit.SECONDS) + ", load average at start "
                    + loadAverage() + ".");
            out.println();
            out.print(table(results));
        }
    }

    /** Runs one group in one JMH run; progress goes to standard error. */
    static Collection<RunResult> run(Profile profile, String group) throws RunnerException {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return new Runner(profile.options("^io\\.tenantkit\\." + group + "\\.").verbosity(VerboseMode.NORMAL).build()).run();
        } finally {
            System.setOut(stdout);
        }
    }

    /** The markdown table of one run: per class, per parameter combination, baseline first. */
    static String table(Collection<RunResult> results) {
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            byKey.put(key(r.getParams().getBenchmark(), params(r)), r);
        }
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | params | score | error (99.9%) | unit | ratio to baseline |\n");
        md.append("|---|---|---:|---:|---|---:|\n");
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> {
            String ca = className(a.getParams().getBenchmark());
            String cb = className(b.getParams().getBenchmark());
            if (!ca.equals(cb)) {
                return ca.compareTo(cb);
            }
            int p = params(a).compareTo(params(b));
            if (p != 0) {
                return p;
            }
            return sortName(a).compareTo(sortName(b));
        });
        for (RunResult r : sorted) {
            String benchmark = r.getParams().getBenchmark();
            Result<?> primary = r.getPrimaryResult();
            List<String> baselines = baselinesOf(benchmark);
            List<String> ratios = new ArrayList<>();
            for (String baseline : baselines) {
                RunResult base = byKey.get(key(className(benchmark) + "." + baseline, params(r)));
                ratios.add(base == null ? "n/a (" + baseline + " not run)" : String.format(Locale.ROOT, "%.2f",
                        primary.getScore() / base.getPrimaryResult().getScore()) + (baselines.size() > 1 ? " × " + baseline : ""));
            }
            String ratio = baselines.isEmpty() ? "1.00 (baseline)" : String.join("; ", ratios);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", simpleName(benchmark),
                    params(r).isEmpty() ? "" : params(r), number(primary.getScore()), number(primary.getScoreError()),
                    primary.getScoreUnit(), ratio));
        }
        return md.toString();
    }

    /**
     * The baselines of a benchmark ("Class.method"): the methods named by its {@link ComparedTo}, none
     * when it is a baseline itself.
     */
    static List<String> baselinesOf(String benchmark) {
        ComparedTo comparedTo = benchmarkMethod(benchmark).getAnnotation(ComparedTo.class);
        return comparedTo == null ? List.of() : List.of(comparedTo.value());
    }

    /** The {@code @Benchmark} method behind a JMH benchmark name. */
    static Method benchmarkMethod(String benchmark) {
        String className = className(benchmark);
        String methodName = benchmark.substring(className.length() + 1);
        try {
            for (Method m : Class.forName(className).getMethods()) {
                if (m.getName().equals(methodName)) {
                    return m;
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Benchmark class " + className + " is not on the class path", e);
        }
        throw new IllegalStateException("No public method " + methodName + " in " + className);
    }

    private static String sortName(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        List<String> baselines = baselinesOf(benchmark);
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        // Each baseline first, followed by what is compared to it.
        return baselines.isEmpty() ? method + " 0" : baselines.get(0) + " 1 " + method;
    }

    private static String key(String benchmark, String params) {
        return benchmark + " " + params;
    }

    private static String className(String benchmark) {
        return benchmark.substring(0, benchmark.lastIndexOf('.'));
    }

    private static String simpleName(String benchmark) {
        String className = className(benchmark);
        return className.substring(className.lastIndexOf('.') + 1) + "." + benchmark.substring(className.length() + 1);
    }

    private static String params(RunResult r) {
        return r.getParams().getParamsKeys().stream()
                .map(k -> k + "=" + r.getParams().getParam(k))
                .collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The machine details printed above the tables. */
    static String machine(Profile profile) {
        return "Machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs available, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ". JDK: "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ". JMH " + Version.getPlainVersion()
                + ", profile " + profile.name().toLowerCase(Locale.ROOT) + " (" + profile.commandLine() + ").";
    }

    private static String cpu() {
        return readLines("/proc/cpuinfo").stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse(System.getProperty("os.arch"));
    }

    private static String loadAverage() {
        return readLines("/proc/loadavg").stream().findFirst()
                .map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3))).orElse("unknown");
    }

    private static List<String> readLines(String file) {
        Path path = Path.of(file);
        try {
            return Files.isReadable(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
