package io.tenantkit.architecture;

import static io.tenantkit.architecture.TenantKitArchitectureRules.CASE_CONVERSION_NAMES_A_LOCALE;
import static io.tenantkit.architecture.TenantKitArchitectureRules.CORE_KNOWS_NOTHING_OF_SPRING;
import static io.tenantkit.architecture.TenantKitArchitectureRules.MAIN_CODE_DOES_NOT_USE_TEST_SUPPORT;
import static io.tenantkit.architecture.TenantKitArchitectureRules.NO_PACKAGE_CYCLES;
import static io.tenantkit.architecture.TenantKitArchitectureRules.NO_STANDARD_STREAMS;
import static io.tenantkit.architecture.TenantKitArchitectureRules.PUBLIC_API_EXPOSES_ONLY_PUBLIC_TYPES;
import static io.tenantkit.architecture.TenantKitArchitectureRules.STARTER_PACKAGES_DEPEND_ONLY_AS_DOCUMENTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import io.tenantkit.architecture.fixtures.CaseConversion;
import io.tenantkit.architecture.fixtures.ExposesPackagePrivateType;
import io.tenantkit.architecture.fixtures.PrintsToConsole;
import io.tenantkit.architecture.fixtures.UsesSpring;
import io.tenantkit.architecture.fixtures.cycle.a.CycleA;
import io.tenantkit.architecture.fixtures.cycle.b.CycleB;

import org.junit.jupiter.api.Test;

/**
 * Checks {@link TenantKitArchitectureRules} on the main classes of tenant-core and tenant-spring-starter, and
 * proves each rule fails on a fixture that breaks it (a rule that cannot fail checks nothing).
 */
class ArchitectureTests {

    /** A package-private fixture in a starter feature package (scheduling) that breaks the starter's graph. */
    private static final String VIOLATIONS = "io.tenantkit.spring.scheduling.ArchitectureViolations";

    private static final JavaClasses TENANTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tenantkit");

    @Test
    void theImportSeesBothModules() {
        assertThat(TENANTKIT.stream().map(JavaClass::getPackageName)).contains("io.tenantkit.tenant", "io.tenantkit.spring.autoconfigure");
    }

    @Test
    void coreKnowsNothingOfSpring() {
        CORE_KNOWS_NOTHING_OF_SPRING.check(TENANTKIT);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(TENANTKIT);
    }

    @Test
    void starterPackagesDependOnlyAsDocumented() {
        STARTER_PACKAGES_DEPEND_ONLY_AS_DOCUMENTED.check(TENANTKIT);
    }

    @Test
    void mainCodeDoesNotUseTestSupport() {
        MAIN_CODE_DOES_NOT_USE_TEST_SUPPORT.check(TENANTKIT);
    }

    @Test
    void caseConversionNamesALocale() {
        CASE_CONVERSION_NAMES_A_LOCALE.check(TENANTKIT);
    }

    @Test
    void noStandardStreams() {
        NO_STANDARD_STREAMS.check(TENANTKIT);
    }

    @Test
    void publicApiExposesOnlyPublicTypes() {
        PUBLIC_API_EXPOSES_ONLY_PUBLIC_TYPES.check(TENANTKIT);
    }

    @Test
    void everyStarterPackageIsInTheDocumentedGraph() {
        assertThat(TENANTKIT.stream().map(TenantKitArchitectureRules::starterPackageOf).filter(p -> p != null).distinct())
                .allSatisfy(p -> assertThat(TenantKitArchitectureRules.STARTER_PACKAGE_DEPENDENCIES).containsKey(p));
    }

    @Test
    void coreWithASpringTypeFails() {
        assertViolated(CORE_KNOWS_NOTHING_OF_SPRING, UsesSpring.class, "UsesSpring");
    }

    @Test
    void aPackageCycleFails() {
        assertViolated(NO_PACKAGE_CYCLES, CycleA.class, CycleB.class, "Cycle detected");
    }

    @Test
    void aStarterFeatureUsingAnotherOutsideTheGraphFails() throws ClassNotFoundException {
        assertViolated(STARTER_PACKAGES_DEPEND_ONLY_AS_DOCUMENTED, Class.forName(VIOLATIONS),
                "package scheduling may use only [] of the starter");
    }

    @Test
    void mainCodeUsingTheTestSupportFails() throws ClassNotFoundException {
        assertViolated(MAIN_CODE_DOES_NOT_USE_TEST_SUPPORT, Class.forName(VIOLATIONS), "io.tenantkit.spring.test.WithTenant");
    }

    @Test
    void caseConversionWithoutLocaleFails() {
        assertViolated(CASE_CONVERSION_NAMES_A_LOCALE, CaseConversion.class, "CaseConversion.lower");
    }

    @Test
    void printingToTheConsoleFails() {
        assertViolated(NO_STANDARD_STREAMS, PrintsToConsole.class, "PrintsToConsole");
    }

    @Test
    void aPublicMethodExposingAPackagePrivateTypeFails() {
        assertViolated(PUBLIC_API_EXPOSES_ONLY_PUBLIC_TYPES, ExposesPackagePrivateType.class,
                "ExposesPackagePrivateType.hidden() exposes io.tenantkit.architecture.fixtures.ExposesPackagePrivateType$Hidden");
    }

    @Test
    void everyPublicTypeIsListedInThePublicApiOfTheArchitectureGuide() throws IOException {
        String guide = Files.readString(Path.of("../docs/architecture.md"));
        int start = guide.indexOf("## Public API");
        assertThat(start).as("docs/architecture.md has a '## Public API' section").isNotNegative();
        int end = guide.indexOf("\n## ", start + 1);
        String publicApi = guide.substring(start, end < 0 ? guide.length() : end);
        assertThat(TENANTKIT.stream()
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass())
                .map(JavaClass::getSimpleName)
                .filter(name -> !publicApi.contains("`" + name + "`") && !publicApi.contains("`@" + name + "`"))
                .sorted())
                .as("public types missing from the Public API section of docs/architecture.md: list them there, or make them non-public")
                .isEmpty();
    }

    private static void assertViolated(ArchRule rule, Class<?> fixture, String expected) {
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> rule.check(new ClassFileImporter().importClasses(fixture)))
                .withMessageContaining(expected);
    }

    private static void assertViolated(ArchRule rule, Class<?> first, Class<?> second, String expected) {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> rule.check(new ClassFileImporter().importClasses(first, second)))
                .withMessageContaining(expected);
    }
}
