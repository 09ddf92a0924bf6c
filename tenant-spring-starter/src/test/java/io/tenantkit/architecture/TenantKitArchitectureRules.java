package io.tenantkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The architecture rules of TenantKit itself, as named constants in the style of ArchUnit's
 * {@code GeneralCodingRules} and Spring Boot's {@code ArchitectureRules}. docs/architecture.md states the
 * same structure in prose; {@link ArchitectureTests} checks every rule against the main classes of
 * tenant-core and tenant-spring-starter.
 */
final class TenantKitArchitectureRules {

    /** The starter's root package. */
    static final String STARTER = "io.tenantkit.spring";

    /**
     * The allowed dependencies between the starter's packages (besides core, which every one may use):
     * {@code autoconfigure} wires the feature packages together; a feature package stands alone except
     * where it contributes to another one. Mirrored in docs/architecture.md.
     */
    static final Map<String, Set<String>> STARTER_PACKAGE_DEPENDENCIES = Map.ofEntries(
            Map.entry("autoconfigure", Set.of("actuate", "cache", "config", "extension", "http", "jpa", "kafka", "logging",
                    "observability", "ops", "propagation", "scheduling", "tracing", "view", "web")),
            Map.entry("actuate", Set.of()),
            Map.entry("cache", Set.of()),
            Map.entry("config", Set.of("actuate")),
            Map.entry("extension", Set.of("actuate")),
            Map.entry("logging", Set.of()),
            Map.entry("http", Set.of()),
            Map.entry("jpa", Set.of()),
            Map.entry("kafka", Set.of()),
            Map.entry("tracing", Set.of()),
            Map.entry("observability", Set.of("web")),
            Map.entry("ops", Set.of("actuate")),
            Map.entry("propagation", Set.of()),
            Map.entry("scheduling", Set.of()),
            Map.entry("test", Set.of()),
            Map.entry("view", Set.of()),
            Map.entry("web", Set.of("http")));

    static final ArchRule CORE_KNOWS_NOTHING_OF_SPRING = noClasses().that(areInCore())
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..", "javax.servlet..",
                    "io.micrometer.observation..")
            .as("tenant-core uses no Spring, servlet or Micrometer observation type")
            .because("the core knows nothing of Spring and is usable from any JVM program; the starter adapts it (design principle 4)")
            .allowEmptyShould(false);

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.tenantkit.(**)").should().beFreeOfCycles()
            .as("TenantKit's packages have no dependency cycles")
            .because("each package is one capability that can be understood, tested and moved on its own")
            .allowEmptyShould(false);

    static final ArchRule STARTER_PACKAGES_DEPEND_ONLY_AS_DOCUMENTED = classes().that().resideInAPackage(STARTER + "..")
            .should(dependOnStarterPackagesOnlyAsDocumented())
            .as("starter packages depend on each other only as docs/architecture.md draws it")
            .because("the auto-configuration is the only glue between features; a feature depends on core and on no other feature "
                    + "it does not contribute to")
            .allowEmptyShould(false);

    static final ArchRule MAIN_CODE_DOES_NOT_USE_TEST_SUPPORT = noClasses().that().resideInAPackage(STARTER + "..")
            .and().resideOutsideOfPackage(STARTER + ".test..")
            .should().dependOnClassesThat().resideInAnyPackage(STARTER + ".test..", "org.junit..", "org.springframework.test..")
            .as("only io.tenantkit.spring.test uses the test support and the optional test libraries")
            .because("the test support ships in the starter's jar with optional dependencies: nothing else may load them")
            .allowEmptyShould(false);

    static final ArchRule CASE_CONVERSION_NAMES_A_LOCALE = noClasses()
            .should().callMethod(String.class, "toLowerCase").orShould().callMethod(String.class, "toUpperCase")
            .as("no toLowerCase()/toUpperCase() without a Locale")
            .because("the default locale changes the result (Turkish dotless i): ids, headers and enum names are compared in "
                    + "Locale.ROOT")
            // A codebase without any String conversion at all is fine.
            .allowEmptyShould(true);

    static final ArchRule NO_STANDARD_STREAMS = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .as("no System.out, System.err or printStackTrace()")
            .because("a library logs through SLF4J, with the tenant in the MDC, or throws; it never writes to the console")
            .allowEmptyShould(true);

    static final ArchRule PUBLIC_API_EXPOSES_ONLY_PUBLIC_TYPES = codeUnits().that(arePublicApi())
            .should(exposeOnlyPublicTypes())
            .as("public API signatures expose only public types")
            .because("a caller must be able to name every type it is given or must pass")
            .allowEmptyShould(false);

    private TenantKitArchitectureRules() {
    }

    /** Core: every TenantKit package but the starter's, the samples' and the benchmarks'. */
    static DescribedPredicate<JavaClass> areInCore() {
        return DescribedPredicate.describe("are in tenant-core", type -> type.getPackageName().startsWith("io.tenantkit.")
                && Stream.of(STARTER, "io.tenantkit.samples", "io.tenantkit.benchmarks")
                        .noneMatch(excluded -> type.getPackageName().equals(excluded) || type.getPackageName().startsWith(excluded + ".")));
    }

    /** The feature package of {@code type} under the starter ({@code web} for {@code io.tenantkit.spring.web.x}), or null. */
    static String starterPackageOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(STARTER + ".")) {
            return null;
        }
        String rest = name.substring(STARTER.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> dependOnStarterPackagesOnlyAsDocumented() {
        return new ArchCondition<>("depend on other starter packages only as documented") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String from = starterPackageOf(type);
                if (from == null) {
                    return;
                }
                Set<String> allowed = STARTER_PACKAGE_DEPENDENCIES.get(from);
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String to = starterPackageOf(dependency.getTargetClass());
                    if (to == null || to.equals(from)) {
                        continue;
                    }
                    if (allowed == null || !allowed.contains(to)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + ": package " + from
                                + (allowed == null ? " is not in the documented graph" : " may use only " + allowed + " of the starter")));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaCodeUnit> arePublicApi() {
        return DescribedPredicate.describe("are public API of TenantKit",
                unit -> isTenantKit(unit.getOwner()) && isPublicApi(unit.getOwner())
                        && (unit.getModifiers().contains(JavaModifier.PUBLIC)
                                || unit.getModifiers().contains(JavaModifier.PROTECTED) && !unit.getOwner().getModifiers().contains(JavaModifier.FINAL)));
    }

    private static ArchCondition<JavaCodeUnit> exposeOnlyPublicTypes() {
        return new ArchCondition<>("expose only public types") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream.concat(Stream.of(unit.getReturnType()), unit.getParameterTypes().stream())
                        .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .filter(type -> isTenantKit(type) && !isPublicApi(type)).distinct()
                        .forEach(type -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes "
                                + type.getName() + ", which is not public")));
            }
        };
    }

    private static boolean isTenantKit(JavaClass type) {
        return type.getPackageName().startsWith("io.tenantkit.");
    }

    /** Public, and so are the classes it is nested in. */
    static boolean isPublicApi(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        for (JavaClass t = base; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
