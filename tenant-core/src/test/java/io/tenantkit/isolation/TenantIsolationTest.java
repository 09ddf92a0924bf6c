package io.tenantkit.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import io.tenantkit.isolation.fixtures.Country;
import io.tenantkit.isolation.fixtures.Point;
import io.tenantkit.tenant.InvalidTenantIdException;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** Every rule on the {@code leaky} fixture, which breaks it, and on the {@code clean} fixture, which passes. */
class TenantIsolationTest {

    private static final String FIXTURES = "io.tenantkit.isolation.fixtures.";
    private static final String LEAKY = FIXTURES + "leaky.";
    static final JavaClasses CLEAN_CLASSES = new ClassFileImporter().importPackages(FIXTURES + "clean");
    static final JavaClasses LEAKY_CLASSES = new ClassFileImporter().importPackages(FIXTURES + "leaky");

    /** The fixtures' annotations instead of @TenantModule and @ExtensionPoint; jp may use its region apac. */
    static final TenantIsolation RULES = fixtureRules().regionModule("apac", "jp").build();

    static TenantIsolation.Builder fixtureRules() {
        return TenantIsolation.builder().moduleAnnotation(Country.class).extensionPointAnnotation(Point.class.getName());
    }

    static List<String> violations(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }

    @Test
    void cleanCodeBasePassesEveryRule() {
        assertThatCode(() -> RULES.check(CLEAN_CLASSES)).doesNotThrowAnyException();
        assertThat(RULES.rules()).hasSize(9);
    }

    @Test
    void allRulesTogetherReportTheViolationsOfEach() {
        int separately = RULES.rules().stream().mapToInt(rule -> violations(rule, LEAKY_CLASSES).size()).sum();
        assertThat(violations(RULES.all(), LEAKY_CLASSES)).hasSize(separately).hasSizeGreaterThan(9);
    }

    @Test
    void moduleDependingOnAnotherModuleFailsNamingBothClassesAndTheFix() {
        assertThat(violations(RULES.tenantModulesDoNotDependOnEachOther(), LEAKY_CLASSES))
                .anySatisfy(v -> assertThat(v)
                        .startsWith(LEAKY + "sites.jp.JpFees (tenant module 'jp') depends on " + LEAKY
                                + "sites.us.UsFees (tenant module 'us'): Method <" + LEAKY
                                + "sites.jp.JpFees.fee(java.math.BigDecimal)> calls method <" + LEAKY
                                + "sites.us.UsFees.fee(java.math.BigDecimal)> in (JpFees.java:")
                        .endsWith("Tenant modules never depend on each other: move what both need into shared code "
                                + "(an @ExtensionPoint or a shared API package), or, if 'us' is the region of 'jp', "
                                + "allow it with TenantIsolation.builder().regionModule(\"us\", \"jp\")"))
                .allSatisfy(v -> assertThat(v).startsWith(LEAKY + "sites."));
    }

    @Test
    void failureReportNamesTheRuleAndWhyItExists() {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> RULES.tenantModulesDoNotDependOnEachOther().check(LEAKY_CLASSES))
                .withMessageStartingWith("Architecture Violation [Priority: MEDIUM] - Rule 'Tenant modules do not depend "
                        + "on each other, because a country module that calls another country's code breaks")
                .withMessageContaining(LEAKY + "sites.jp.JpFees (tenant module 'jp') depends on");
    }

    @Test
    void regionModuleMayBeUsedOnlyByTheChildrenItIsOpenedTo() {
        ArchRule strict = fixtureRules().build().tenantModulesDoNotDependOnEachOther();
        assertThat(violations(strict, CLEAN_CLASSES)).isNotEmpty().allSatisfy(v -> assertThat(v)
                .startsWith(FIXTURES + "clean.sites.jp.JpFeePolicy (tenant module 'jp') depends on " + FIXTURES
                        + "clean.sites.apac.ApacRounding (tenant module 'apac')")
                .contains("regionModule(\"apac\", \"jp\")"));
        assertThat(violations(RULES.tenantModulesDoNotDependOnEachOther(), CLEAN_CLASSES)).isEmpty();
        ArchRule otherChild = fixtureRules().regionModule("apac", "kr").build().tenantModulesDoNotDependOnEachOther();
        assertThat(violations(otherChild, CLEAN_CLASSES)).isNotEmpty();
    }

    @Test
    void sharedCodeDependingOnAModuleFails() {
        assertThat(violations(RULES.sharedCodeDoesNotDependOnTenantModules(), LEAKY_CLASSES)).isNotEmpty()
                .allSatisfy(v -> assertThat(v).startsWith(LEAKY + "Checkout (shared code) depends on " + LEAKY
                        + "sites.jp.JpFees (tenant module 'jp'): ").endsWith("Shared code never names a tenant module: "
                        + "declare an @ExtensionPoint interface in shared code, call it, and let the 'jp' module implement it"));
    }

    @Test
    void moduleReachingSharedInternalsFailsButTheExtensionPointPackageIsApi() {
        assertThat(violations(RULES.tenantModulesUseOnlySharedApi(), LEAKY_CLASSES)).isNotEmpty()
                .allSatisfy(v -> assertThat(v).startsWith(LEAKY + "sites.jp.JpFees (tenant module 'jp') uses " + LEAKY
                        + "internal.RateTable, an internal of shared code (package " + LEAKY + "internal is not an API "
                        + "package): Method <").endsWith(". Use the shared API (" + LEAKY + "api), or, if " + LEAKY
                        + "internal is meant for modules, declare it with TenantIsolation.builder().apiPackages(\""
                        + LEAKY + "internal\")"));
        ArchRule opened = fixtureRules().apiPackages("..leaky.internal").build().tenantModulesUseOnlySharedApi();
        assertThat(violations(opened, LEAKY_CLASSES)).isEmpty();
    }

    @Test
    void unmanagedConcurrencyFailsForEachKindAndPointsAtTenantExecutors() {
        List<String> violations = violations(RULES.noUnmanagedConcurrency(), LEAKY_CLASSES);
        assertThat(violations).allSatisfy(v -> assertThat(v).startsWith(LEAKY + "Reports uses unmanaged concurrency (")
                .contains("wrap the executor with TenantExecutors.wrap(...)")
                .contains("a Spring-managed task executor (TenantKit's TaskDecorator is applied to it)"));
        assertThat(String.join("\n", violations))
                .contains("(Executors.newFixedThreadPool)", "(parallelStream())",
                        "(CompletableFuture.supplyAsync on the common pool)", "(ForkJoinPool.commonPool())",
                        "(new Thread)", "(new Timer)");
        ArchRule allowed = fixtureRules().allowConcurrencyIn("..leaky").build().noUnmanagedConcurrency();
        assertThat(violations(allowed, LEAKY_CLASSES)).isEmpty();
    }

    @Test
    void settingTheTenantWithoutAScopeFailsButOtherMdcKeysAreFine() {
        List<String> violations = violations(RULES.tenantContextChangesOnlyThroughScopes(), LEAKY_CLASSES);
        assertThat(violations).hasSize(3).allSatisfy(v -> assertThat(v).startsWith(LEAKY + "ContextHack "));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("changes the tenant context outside a scope: "
                + "Method <" + LEAKY + "ContextHack.impersonate(io.tenantkit.tenant.Tenant)> calls method "
                + "<io.tenantkit.context.TenantThreadLocalAccessor.setValue(io.tenantkit.tenant.Tenant)>"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("Transmitter.clear replaces the tenant"));
        assertThat(violations).anySatisfy(v -> assertThat(v).startsWith(LEAKY + "ContextHack writes the MDC key 'tenant' "
                + "in method impersonate in (ContextHack.java:0). TenantKit keeps that key equal to the current tenant"));
    }

    @Test
    void threadLocalsAndStaticMutableFieldsInModulesFail() {
        assertThat(violations(RULES.noThreadLocalsInTenantModules(), LEAKY_CLASSES)).isNotEmpty()
                .anySatisfy(v -> assertThat(v).startsWith(LEAKY + "sites.jp.JpSession (tenant module 'jp') holds a "
                        + "ThreadLocal: field <" + LEAKY + "sites.jp.JpSession.CURRENT_USER> of type java.lang.ThreadLocal"))
                .anySatisfy(v -> assertThat(v).startsWith(LEAKY + "sites.jp.JpSession (tenant module 'jp') creates a "
                        + "ThreadLocal: "));
        assertThat(violations(RULES.noStaticMutableStateInTenantModules(), LEAKY_CLASSES)).singleElement()
                .satisfies(v -> assertThat(v).startsWith(LEAKY + "sites.jp.JpSession (tenant module 'jp') has a static "
                        + "mutable field <" + LEAKY + "sites.jp.JpSession.requests> in (JpSession.java:0). It is shared "
                        + "by every request and thread"));
        assertThat(violations(RULES.noThreadLocalsInTenantModules(), CLEAN_CLASSES)).isEmpty();
        assertThat(violations(RULES.noStaticMutableStateInTenantModules(), CLEAN_CLASSES)).isEmpty();
    }

    @Test
    void comparingTheCurrentTenantWithALiteralIdFailsInIfAndSwitch() {
        assertThat(violations(RULES.noHardCodedTenantBranching(), LEAKY_CLASSES)).hasSize(4).contains(
                LEAKY + "Checkout (shared code) branches on hard-coded tenant ids in method fee in (Checkout.java:13): "
                        + "it reads the current tenant (io.tenantkit.context.TenantContext.require, "
                        + "io.tenantkit.tenant.Tenant.id, io.tenantkit.tenant.TenantId.value) and compares with \"JP\". "
                        + "Declare an @ExtensionPoint for what differs, call it here, and implement it in each tenant's "
                        + "module (or read the value from tenant config)",
                LEAKY + "Checkout (shared code) branches on hard-coded tenant ids in method payoutRail in "
                        + "(Checkout.java:20): it reads the current tenant (io.tenantkit.context.TenantContext.require, "
                        + "io.tenantkit.tenant.Tenant.id, io.tenantkit.tenant.TenantId.value) and compares with \"us\". "
                        + "Declare an @ExtensionPoint for what differs, call it here, and implement it in each tenant's "
                        + "module (or read the value from tenant config)");
    }

    @Test
    void comparingWithATenantIdLiteralOrInsideALambdaFailsToo() {
        assertThat(violations(RULES.noHardCodedTenantBranching(), LEAKY_CLASSES))
                .anySatisfy(v -> assertThat(v).contains("in method isJapan in (Checkout.java:")
                        .contains("(io.tenantkit.context.TenantContext.require, io.tenantkit.tenant.Tenant.id) and "
                                + "compares with \"jp\""))
                .anySatisfy(v -> assertThat(v).contains("in method isGermany in (Checkout.java:")
                        .contains("compares with \"de\""));
    }

    @Test
    void countryCodesCountAsTenantIdsUnlessSwitchedOff() {
        ArchRule modulesOnly = fixtureRules().countryCodesAreTenantIds(false).build().noHardCodedTenantBranching();
        assertThat(violations(modulesOnly, LEAKY_CLASSES)).hasSize(3)   // "JP", "us" and "jp" are module tenants
                .noneSatisfy(v -> assertThat(v).contains("isGermany"));
        ArchRule noKnownIds = fixtureRules().countryCodesAreTenantIds(false).requireModules(false).build()
                .noHardCodedTenantBranching();
        JavaClasses checkoutOnly = new ClassFileImporter().importClasses(
                io.tenantkit.isolation.fixtures.leaky.Checkout.class);
        assertThat(violations(noKnownIds, checkoutOnly)).isEmpty();
        ArchRule configured = fixtureRules().countryCodesAreTenantIds(false).tenantIds("jp").build()
                .noHardCodedTenantBranching();
        assertThat(violations(configured, checkoutOnly)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("\"JP\"")).anySatisfy(v -> assertThat(v).contains("\"jp\""));
    }

    @Test
    void anEmptyImportFailsEveryRule() {
        JavaClasses nothing = new ClassFileImporter().importPackages("io.tenantkit.isolation.nosuchpackage");
        for (ArchRule rule : RULES.rules()) {
            assertThatExceptionOfType(AssertionError.class).as(rule.getDescription())
                    .isThrownBy(() -> rule.check(nothing)).withMessageContaining("failed to check any classes");
        }
    }

    @Test
    void moduleRulesFailWhenNoModuleIsIdentifiedUnlessToldOtherwise() {
        JavaClasses apiOnly = new ClassFileImporter().importPackages(LEAKY + "api");
        assertThat(violations(TenantIsolation.defaults().tenantModulesDoNotDependOnEachOther(), apiOnly)).singleElement()
                .satisfies(v -> assertThat(v).isEqualTo("No tenant module was identified among the 1 analysed classes: no "
                        + "class is annotated @io.tenantkit.spring.extension.TenantModule. Analyse the packages of your "
                        + "country modules too, configure TenantIsolation.builder().moduleAnnotation(...) or "
                        + ".modulePackages(...), or set .requireModules(false)"));
        TenantIsolation lenient = TenantIsolation.builder().requireModules(false).build();
        assertThatCode(() -> lenient.check(apiOnly)).doesNotThrowAnyException();
    }

    @Test
    void modulesCanBeIdentifiedByPackagePattern() {
        TenantIsolation byPackage = TenantIsolation.builder().moduleAnnotation("com.example.None")
                .modulePackages("..leaky.sites.(*)..").extensionPointAnnotation(Point.class.getName()).build();
        assertThat(violations(byPackage.tenantModulesDoNotDependOnEachOther(), LEAKY_CLASSES))
                .anySatisfy(v -> assertThat(v).startsWith(LEAKY + "sites.jp.JpFees (tenant module 'jp') depends on "
                        + LEAKY + "sites.us.UsFees (tenant module 'us')"));
    }

    @Test
    void builderRejectsBadOptionsNamingThem() {
        assertThatExceptionOfType(InvalidTenantIdException.class)
                .isThrownBy(() -> TenantIsolation.builder().regionModule("APAC", "jp"));
        assertThatIllegalArgumentException().isThrownBy(() -> TenantIsolation.builder().tenantReads("current"))
                .withMessage("tenantReads takes 'fully.qualified.Class#method', not 'current'");
        assertThatIllegalArgumentException().isThrownBy(() -> TenantIsolation.builder().apiPackages(" "))
                .withMessage("apiPackages must not be blank");
    }

    @Test
    void rulesHoldersDescribeEachRule() {
        assertThat(TenantIsolationRules.TENANT_MODULES_DO_NOT_DEPEND_ON_EACH_OTHER.getDescription())
                .startsWith("Tenant modules do not depend on each other, because ");
        assertThat(TenantIsolationRules.ALL.getDescription()).contains("No unmanaged concurrency")
                .contains("Tenant module resources name only their own tenants");
    }
}
