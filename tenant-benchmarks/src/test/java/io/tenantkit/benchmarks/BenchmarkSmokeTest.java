package io.tenantkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The CI smoke profile: every benchmark compiles and executes (one fork, no warm-up, one 1 s
 * iteration) and produces a result for each of its parameter combinations. Timings are never asserted.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsForEachParameterCombinationAndProducesAResult() throws Exception {
        Map<String, Integer> expected = expectedRuns();
        assertThat(expected).as("benchmarks listed by the JMH annotation processor").isNotEmpty();

        // JMH's machine-wide lock keeps two measuring runs apart; the smoke profile measures nothing.
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(Profile.SMOKE.options("^io\\.tenantkit\\.")
                .verbosity(VerboseMode.NORMAL).build()).run();

        Map<String, Integer> produced = results.stream().collect(Collectors.toMap(
                r -> r.getParams().getBenchmark(), r -> 1, Integer::sum, TreeMap::new));
        assertThat(produced).isEqualTo(expected);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.getPrimaryResult().getSampleCount()).as(r.getParams().id()).isPositive();
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().id()).isFinite().isPositive();
        });
    }

    @Test
    void everyComparisonNamesABenchmarkOfTheSameClass() {
        for (String benchmark : expectedRuns().keySet()) {
            for (String baseline : BenchmarkReport.baselinesOf(benchmark)) {
                String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
                assertThat(BenchmarkReport.benchmarkMethod(className + "." + baseline).isAnnotationPresent(
                        org.openjdk.jmh.annotations.Benchmark.class)).as(benchmark + " compared to " + baseline).isTrue();
            }
        }
    }

    @Test
    void everyBenchmarkBelongsToAReportGroup() {
        Set<String> packages = expectedRuns().keySet().stream()
                .map(b -> b.substring("io.tenantkit.".length(), b.indexOf('.', "io.tenantkit.".length())))
                .collect(Collectors.toSet());
        assertThat(BenchmarkReport.GROUPS.keySet()).containsAll(packages);
    }

    /** Each benchmark of the generated list, with its number of parameter combinations. */
    private static Map<String, Integer> expectedRuns() {
        Set<BenchmarkListEntry> entries = BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of());
        Map<String, Integer> runs = new TreeMap<>();
        for (BenchmarkListEntry entry : entries) {
            int combinations = entry.getParams().hasValue()
                    ? entry.getParams().get().values().stream().mapToInt(v -> v.length).reduce(1, (a, b) -> a * b)
                    : 1;
            runs.merge(entry.getUsername(), combinations, Integer::sum);
        }
        return runs;
    }
}
