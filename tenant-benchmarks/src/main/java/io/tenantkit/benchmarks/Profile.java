package io.tenantkit.benchmarks;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long to run. Every profile forks: a benchmark never shares a JVM with another one, so one
 * benchmark's class loading and JIT profile cannot colour the next (and TenantKit's TTL transmittee is
 * only registered in the forks that use TenantKit).
 */
public enum Profile {

    /**
     * CI: proves each benchmark compiles and executes. One fork, no warm-up, one 1 s iteration: the
     * numbers mean nothing.
     */
    SMOKE(1, 0, 1, 1),

    /** Publishing: 2 forks, 3 warm-up and 5 measured iterations of 1 s each. */
    FULL(2, 3, 5, 1);

    private final int forks;
    private final int warmupIterations;
    private final int measurementIterations;
    private final int secondsPerIteration;

    Profile(int forks, int warmupIterations, int measurementIterations, int secondsPerIteration) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
        this.secondsPerIteration = secondsPerIteration;
    }

    /** JMH options for this profile, running the benchmarks whose names match {@code includes}. */
    public ChainedOptionsBuilder options(String... includes) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(secondsPerIteration))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.seconds(secondsPerIteration))
                .jvmArgs("-Xms512m", "-Xmx512m")
                .shouldFailOnError(true);
        for (String include : includes) {
            options.include(include);
        }
        return options;
    }

    /** The equivalent options of JMH's command line, for {@code java -jar benchmarks.jar}. */
    public String commandLine() {
        return "-f " + forks + " -wi " + warmupIterations + " -w " + secondsPerIteration + "s -i "
                + measurementIterations + " -r " + secondsPerIteration + "s -jvmArgs '-Xms512m -Xmx512m'";
    }
}
