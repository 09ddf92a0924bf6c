package io.tenantkit.isolation;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The isolation rules with the default module identification ({@code @TenantModule}) and API packages
 * (those of the {@code @ExtensionPoint} interfaces), as constants for ArchUnit's JUnit support
 * ({@code archunit-junit5} or {@code archunit-junit6}, whichever your tests use):
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.acme.marketplace")
 * class TenantIsolationTest {
 *     @ArchTest
 *     static final ArchRule tenantIsolation = TenantIsolationRules.ALL;
 * }
 * }</pre>
 * For other options, build the rules with {@link TenantIsolation#builder()}.
 */
public final class TenantIsolationRules {

    /** Rule 1: no class of one tenant module depends on a class of another. */
    public static final ArchRule TENANT_MODULES_DO_NOT_DEPEND_ON_EACH_OTHER =
            TenantIsolation.defaults().tenantModulesDoNotDependOnEachOther();

    /** Rule 2: shared code depends on no tenant module. */
    public static final ArchRule SHARED_CODE_DOES_NOT_DEPEND_ON_TENANT_MODULES =
            TenantIsolation.defaults().sharedCodeDoesNotDependOnTenantModules();

    /** Rule 3: tenant modules use shared code only through the packages of its extension points. */
    public static final ArchRule TENANT_MODULES_USE_ONLY_SHARED_API = TenantIsolation.defaults().tenantModulesUseOnlySharedApi();

    /** Rule 4: no thread, pool, parallel stream or async call that TenantKit does not manage. */
    public static final ArchRule NO_UNMANAGED_CONCURRENCY = TenantIsolation.defaults().noUnmanagedConcurrency();

    /** Rule 5a: the tenant context and its MDC key change only through TenantKit's scopes. */
    public static final ArchRule TENANT_CONTEXT_CHANGES_ONLY_THROUGH_SCOPES =
            TenantIsolation.defaults().tenantContextChangesOnlyThroughScopes();

    /** Rule 5b: no {@code ThreadLocal} in tenant modules. */
    public static final ArchRule NO_THREAD_LOCALS_IN_TENANT_MODULES = TenantIsolation.defaults().noThreadLocalsInTenantModules();

    /** Rule 5c: no static non-final field in tenant modules. */
    public static final ArchRule NO_STATIC_MUTABLE_STATE_IN_TENANT_MODULES =
            TenantIsolation.defaults().noStaticMutableStateInTenantModules();

    /** Rule 6: shared code does not compare the current tenant with literal tenant ids. */
    public static final ArchRule NO_HARD_CODED_TENANT_BRANCHING = TenantIsolation.defaults().noHardCodedTenantBranching();

    /** Rule 7: a module's {@code tenants/<id>/} resources name only its own tenants. */
    public static final ArchRule TENANT_RESOURCES_NAME_ONLY_OWN_TENANTS =
            TenantIsolation.defaults().tenantResourcesNameOnlyOwnTenants();

    /** Every rule above as one rule, whose failure lists the violations of all. */
    public static final ArchRule ALL = TenantIsolation.defaults().all();

    private TenantIsolationRules() {
    }
}
