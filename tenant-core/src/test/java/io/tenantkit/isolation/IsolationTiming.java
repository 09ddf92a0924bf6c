package io.tenantkit.isolation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How long the isolation rules take on a synthetic code base of 50 country modules x 100 classes plus
 * 100 classes of shared code: imports once (the class cache the rules share, as ArchUnit's JUnit support
 * does), then evaluates every rule on it, three rounds. A program, not a test (no timing in tests); run:
 * <pre>
 * ./mvnw -B -o -pl tenant-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp tenant-core/target/test-classes:tenant-core/target/classes:$(cat tenant-core/target/cp.txt) io.tenantkit.isolation.IsolationTiming
 * </pre>
 */
public final class IsolationTiming {

    private static final int MODULES = 50;
    private static final int CLASSES = 100;
    private static final String PKG = "io.tenantkit.isolation.synthetic";

    private IsolationTiming() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);    // ArchUnit logs every class at DEBUG
        Path dir = Files.createTempDirectory("isolation-synthetic");
        long start = System.nanoTime();
        JavaSources.compile(dir, sources());
        System.out.printf("generated and compiled %d classes in %d ms%n", MODULES * CLASSES + CLASSES + 2,
                (System.nanoTime() - start) / 1_000_000);
        TenantIsolation rules = TenantIsolationTest.fixtureRules().build();
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            JavaClasses classes = new ClassFileImporter().importPath(dir);
            long t1 = System.nanoTime();
            StringBuilder perRule = new StringBuilder();
            for (ArchRule rule : rules.rules()) {
                long r0 = System.nanoTime();
                boolean violated = rule.evaluate(classes).hasViolation();
                perRule.append(String.format("  %-70s %5d ms%s%n", rule.getDescription().substring(0,
                        rule.getDescription().indexOf(", because")), (System.nanoTime() - r0) / 1_000_000,
                        violated ? " VIOLATED" : ""));
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: %d classes, import %d ms, all rules %d ms%n%s", round, classes.size(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, perRule);
        }
    }

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(PKG + ".api.FeePolicy", "package " + PKG + ".api;\n@io.tenantkit.isolation.fixtures.Point\n"
                + "public interface FeePolicy { java.math.BigDecimal fee(java.math.BigDecimal amount); }\n");
        sources.put(PKG + ".api.Money", "package " + PKG + ".api;\npublic final class Money {\n"
                + "  public static java.math.BigDecimal round(java.math.BigDecimal a) { return a.setScale(2, java.math.RoundingMode.DOWN); }\n}\n");
        for (int s = 0; s < CLASSES; s++) {
            String previous = s == 0 ? "" : "  private final Shared" + (s - 1) + " previous = new Shared" + (s - 1) + "();\n";
            sources.put(PKG + ".shared.Shared" + s, "package " + PKG + ".shared;\n"
                    + "public final class Shared" + s + " {\n" + previous
                    + "  private final java.util.concurrent.ExecutorService pool = io.tenantkit.propagation.TenantExecutors.wrap(java.util.concurrent.Executors.newFixedThreadPool(1));\n"
                    + "  public String describe(" + PKG + ".api.FeePolicy fees) {\n"
                    + "    String tenant = io.tenantkit.context.TenantContext.require().id().value();\n"
                    + "    return tenant + fees.fee(java.math.BigDecimal.TEN);\n  }\n}\n");
        }
        for (int m = 0; m < MODULES; m++) {
            String tenant = String.format("c%02d", m);
            String pkg = PKG + ".sites." + tenant;
            sources.put(pkg + ".Module", "package " + pkg + ";\n@io.tenantkit.isolation.fixtures.Country(\"" + tenant
                    + "\")\npublic final class Module {}\n");
            for (int c = 1; c < CLASSES; c++) {
                String uses = c == 1 ? "java.math.BigDecimal.ONE" : "new Fee" + (c - 1) + "().fee(amount)";
                sources.put(pkg + ".Fee" + c, "package " + pkg + ";\n"
                        + "final class Fee" + c + " implements " + PKG + ".api.FeePolicy {\n"
                        + "  private static final java.math.BigDecimal RATE = new java.math.BigDecimal(\"0.0" + c + "\");\n"
                        + "  public java.math.BigDecimal fee(java.math.BigDecimal amount) {\n"
                        + "    return " + PKG + ".api.Money.round(amount.multiply(RATE)).add(" + uses + ");\n  }\n}\n");
            }
        }
        return sources;
    }
}
