package io.tenantkit.isolation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tenantkit.tenant.TenantId;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * TenantKit's isolation rules for a code base, configured: how tenant modules are identified, which
 * packages of shared code are API, which region modules their children may use, where unmanaged
 * concurrency is allowed. {@link #defaults()} identifies modules by {@code @TenantModule} like the
 * Spring starter does; {@link TenantIsolationRules} holds the default rules as constants for
 * {@code @ArchTest} fields.
 *
 * <p>The plain API, for tests without ArchUnit's JUnit support:
 * <pre>{@code
 * TenantIsolation.builder().apiPackages("com.acme.shop.api..").build().check("com.acme.shop");
 * }</pre>
 *
 * <p>Every rule examines every analysed class and fails when none was analysed
 * ({@code allowEmptyShould(false)}): a misspelled package never passes silently. The rules about
 * modules also fail when no tenant module was identified, unless {@link Builder#requireModules(boolean)
 * requireModules(false)}.
 */
public final class TenantIsolation {

    /** The annotation that marks a tenant module's configuration class, by default: the starter's {@code @TenantModule}. */
    public static final String TENANT_MODULE_ANNOTATION = "io.tenantkit.spring.extension.TenantModule";

    /** The annotation of extension point interfaces; their packages are shared API by default. */
    public static final String EXTENSION_POINT_ANNOTATION = "io.tenantkit.extension.ExtensionPoint";

    private static final TenantIsolation DEFAULTS = builder().build();

    private final String moduleAnnotation;
    private final List<String> modulePackages;
    private final String extensionPointAnnotation;
    private final List<PackageMatcher> apiPackages;
    private final Map<String, Set<String>> regions;
    private final List<PackageMatcher> concurrencyAllowedIn;
    private final List<PackageMatcher> contextOwners;
    private final Set<String> tenantIds;
    private final boolean countryCodesAreTenantIds;
    private final Set<String> tenantReads;
    private final boolean requireModules;

    private TenantIsolation(Builder b) {
        this.moduleAnnotation = b.moduleAnnotation;
        this.modulePackages = List.copyOf(b.modulePackages);
        this.extensionPointAnnotation = b.extensionPointAnnotation;
        this.apiPackages = matchers(b.apiPackages);
        Map<String, Set<String>> regions = new LinkedHashMap<>();
        b.regions.forEach((region, children) -> regions.put(region, Set.copyOf(children)));
        this.regions = Map.copyOf(regions);
        this.concurrencyAllowedIn = matchers(b.concurrencyAllowedIn);
        this.contextOwners = matchers(b.contextOwners);
        this.tenantIds = Set.copyOf(b.tenantIds);
        this.countryCodesAreTenantIds = b.countryCodesAreTenantIds;
        this.tenantReads = Set.copyOf(b.tenantReads);
        this.requireModules = b.requireModules;
    }

    private static List<PackageMatcher> matchers(Set<String> identifiers) {
        return identifiers.stream().map(PackageMatcher::of).toList();
    }

    /** Modules identified by {@value #TENANT_MODULE_ANNOTATION}, API packages by {@value #EXTENSION_POINT_ANNOTATION}. */
    public static TenantIsolation defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    // --- the rules ---

    /** Rule 1: no class of one tenant module depends on a class of another (regions: see {@link Builder#regionModule}). */
    public ArchRule tenantModulesDoNotDependOnEachOther() {
        return rule("Tenant modules do not depend on each other",
                "a country module that calls another country's code breaks, or changes that country, when it changes; "
                        + "each site must be added and removed by its own jar",
                new Conditions.ModulesIndependent(this));
    }

    /** Rule 2: shared code depends on no tenant module. */
    public ArchRule sharedCodeDoesNotDependOnTenantModules() {
        return rule("Shared code does not depend on tenant modules",
                "shared code that names a country module cannot run without that jar and turns every new site into an "
                        + "edit of shared code; modules depend on shared code, never the other way round",
                new Conditions.SharedIndependent(this));
    }

    /** Rule 3: tenant modules reach shared code only through its API packages. */
    public ArchRule tenantModulesUseOnlySharedApi() {
        return rule("Tenant modules use shared code only through its API packages",
                "a module that reaches into the internals of shared code breaks when they change, and shared code "
                        + "cannot change without testing every site",
                new Conditions.ModulesUseApi(this));
    }

    /** Rule 4: no thread, pool or async call that would run work without the tenant, outside the allow-list. */
    public ArchRule noUnmanagedConcurrency() {
        return rule("No unmanaged concurrency",
                "work handed to a thread TenantKit does not manage runs with no tenant, or with the tenant a pooled "
                        + "thread kept from an earlier task: the wrong country's rules, logs and caches",
                new Conditions.NoUnmanagedConcurrency(this));
    }

    /** Rule 5a: the tenant context changes only through TenantKit's scopes. */
    public ArchRule tenantContextChangesOnlyThroughScopes() {
        return rule("The tenant context changes only through TenantKit's scopes",
                "a tenant set without a scope is never restored: the thread, and the next request on it, keeps "
                        + "the wrong tenant, and the MDC's tenant disagrees with the context",
                new Conditions.ScopedContextOnly(this));
    }

    /** Rule 5b: no {@code ThreadLocal} in tenant modules. */
    public ArchRule noThreadLocalsInTenantModules() {
        return rule("Tenant modules hold no ThreadLocal",
                "a thread local in a module outlives the request on pooled threads and is read by the next "
                        + "request, of any tenant; it is not propagated to other threads either",
                new Conditions.NoThreadLocals(this));
    }

    /** Rule 5c: no static non-final field in tenant modules. */
    public ArchRule noStaticMutableStateInTenantModules() {
        return rule("Tenant modules hold no static mutable state",
                "a static field that changes outlives every request and is shared by every thread, "
                        + "so one request's state reaches the next",
                new Conditions.NoStaticMutableFields(this));
    }

    /** Rule 6: shared code does not compare the current tenant's id with a literal tenant id. */
    public ArchRule noHardCodedTenantBranching() {
        return rule("Shared code does not branch on hard-coded tenant ids",
                "if (\"jp\".equals(tenant)) in shared code is the edit every new site repeats and the place one "
                        + "country's rule leaks into another's checkout; per-tenant behaviour belongs in an extension "
                        + "point implemented by the tenant's module, or in its config",
                new Conditions.NoTenantBranching(this));
    }

    /** Rule 7: a module's {@code tenants/<id>/} resources name only the module's own tenants. */
    public ArchRule tenantResourcesNameOnlyOwnTenants() {
        return rule("Tenant module resources name only their own tenants",
                "a module jar that carries another tenant's messages or tenant.yml changes that tenant when it is "
                        + "added, and the site it serves can no longer be removed by removing its jar",
                new Conditions.OwnResourcesOnly(this));
    }

    /** Every rule above, in order. */
    public List<ArchRule> rules() {
        return List.of(tenantModulesDoNotDependOnEachOther(), sharedCodeDoesNotDependOnTenantModules(),
                tenantModulesUseOnlySharedApi(), noUnmanagedConcurrency(), tenantContextChangesOnlyThroughScopes(),
                noThreadLocalsInTenantModules(), noStaticMutableStateInTenantModules(), noHardCodedTenantBranching(),
                tenantResourcesNameOnlyOwnTenants());
    }

    /** Every rule as one rule: a failure lists the violations of all of them. */
    public ArchRule all() {
        return CompositeArchRule.of(rules());
    }

    /** Checks every rule on {@code classes}, throwing one {@link AssertionError} listing every violation. */
    public void check(JavaClasses classes) {
        all().check(classes);
    }

    /** Imports {@code packages} from the class path (main and test classes) and checks every rule on them. */
    public void check(String... packages) {
        check(new ClassFileImporter().importPackages(packages));
    }

    private static ArchRule rule(String description, String because, ArchCondition<JavaClass> condition) {
        return classes().should(condition).as(description).because(because).allowEmptyShould(false);
    }

    // --- options, for the conditions ---

    String moduleAnnotation() {
        return moduleAnnotation;
    }

    List<String> modulePackages() {
        return modulePackages;
    }

    String extensionPointAnnotation() {
        return extensionPointAnnotation;
    }

    boolean requireModules() {
        return requireModules;
    }

    boolean isApiPackage(String pkg, Modules modules) {
        return modules.extensionPointPackages().contains(pkg) || apiPackages.stream().anyMatch(m -> m.matches(pkg));
    }

    String apiPackagesDescription(Modules modules) {
        List<String> described = new ArrayList<>(modules.extensionPointPackages());
        apiPackages.forEach(m -> described.add(m.toString()));
        return described.isEmpty() ? "none found" : String.join(", ", described);
    }

    /** Whether module {@code from} may use module {@code to}: a region module its child may use. */
    boolean mayUse(Modules.Module from, Modules.Module to) {
        for (String region : to.tenants()) {
            Set<String> children = regions.getOrDefault(region, Set.of());
            if (from.tenants().stream().anyMatch(children::contains)) {
                return true;
            }
        }
        return false;
    }

    boolean concurrencyAllowedIn(String pkg) {
        return concurrencyAllowedIn.stream().anyMatch(m -> m.matches(pkg));
    }

    boolean ownsContext(String pkg) {
        return contextOwners.stream().anyMatch(m -> m.matches(pkg));
    }

    Set<String> tenantReads() {
        return tenantReads;
    }

    /** Tenant ids a literal is compared with, lower case: the modules', the configured ones, country codes. */
    Set<String> tenantIdLiterals(Modules modules) {
        Set<String> ids = new LinkedHashSet<>(modules.tenantIds());
        ids.addAll(tenantIds);
        if (countryCodesAreTenantIds) {
            for (String code : Locale.getISOCountries()) {
                ids.add(code.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> lower = new LinkedHashSet<>();
        ids.forEach(id -> lower.add(id.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /** Builds a {@link TenantIsolation}; every method validates its input and names the bad value. */
    public static final class Builder {

        private String moduleAnnotation = TENANT_MODULE_ANNOTATION;
        private final Set<String> modulePackages = new LinkedHashSet<>();
        private String extensionPointAnnotation = EXTENSION_POINT_ANNOTATION;
        private final Set<String> apiPackages = new LinkedHashSet<>();
        private final Map<String, Set<String>> regions = new LinkedHashMap<>();
        private final Set<String> concurrencyAllowedIn = new LinkedHashSet<>();
        private final Set<String> contextOwners = new LinkedHashSet<>(List.of(
                "io.tenantkit.context..", "io.tenantkit.propagation..", "io.tenantkit.spring..",
                "io.tenantkit.logging.."));
        private final Set<String> tenantIds = new LinkedHashSet<>();
        private boolean countryCodesAreTenantIds = true;
        private final Set<String> tenantReads = new LinkedHashSet<>(List.of(
                "io.tenantkit.context.TenantContext#current", "io.tenantkit.context.TenantContext#currentOrNull",
                "io.tenantkit.context.TenantContext#require", "io.tenantkit.tenant.Tenant#id",
                "io.tenantkit.tenant.TenantId#value"));
        private boolean requireModules = true;

        private Builder() {
        }

        /** The annotation (by fully qualified name) whose classes declare tenant modules; its {@code value} lists the tenants. */
        public Builder moduleAnnotation(String annotationName) {
            this.moduleAnnotation = requireName(annotationName, "moduleAnnotation");
            return this;
        }

        /** The annotation type whose classes declare tenant modules. */
        public Builder moduleAnnotation(Class<? extends Annotation> annotation) {
            return moduleAnnotation(annotation.getName());
        }

        /**
         * Package identifiers (ArchUnit syntax) that identify modules without an annotation; the first
         * capture group names the tenant: {@code "com.acme.sites.(*).."} makes {@code com.acme.sites.jp}
         * and its sub-packages the {@code jp} module. Annotated modules are found as well.
         */
        public Builder modulePackages(String... packageIdentifiers) {
            for (String identifier : packageIdentifiers) {
                PackageMatcher.of(requireName(identifier, "modulePackages"));
                modulePackages.add(identifier);
            }
            return this;
        }

        /** The annotation (by fully qualified name) of extension points, whose packages are shared API. */
        public Builder extensionPointAnnotation(String annotationName) {
            this.extensionPointAnnotation = requireName(annotationName, "extensionPointAnnotation");
            return this;
        }

        /** Further packages of shared code that modules may use (ArchUnit package identifiers, {@code "com.acme.shop.api.."}). */
        public Builder apiPackages(String... packageIdentifiers) {
            return addPackages(apiPackages, packageIdentifiers, "apiPackages");
        }

        /**
         * Lets the modules of {@code children} use the module of {@code region} (rule 1), for example
         * {@code regionModule("apac", "jp", "kr")}. Never the other way round, never between siblings.
         */
        public Builder regionModule(String region, String... children) {
            Set<String> ids = regions.computeIfAbsent(TenantId.of(region).value(), r -> new LinkedHashSet<>());
            for (String child : children) {
                ids.add(TenantId.of(child).value());
            }
            return this;
        }

        /** Packages (ArchUnit package identifiers) where threads, pools and async calls are allowed (rule 4). */
        public Builder allowConcurrencyIn(String... packageIdentifiers) {
            return addPackages(concurrencyAllowedIn, packageIdentifiers, "allowConcurrencyIn");
        }

        /** Packages that may manage the tenant context below its scopes (rule 5), beside TenantKit's own. */
        public Builder contextOwners(String... packageIdentifiers) {
            return addPackages(contextOwners, packageIdentifiers, "contextOwners");
        }

        /** Tenant ids rule 6 looks for in literals, beside the modules' tenants (for tenants without a module). */
        public Builder tenantIds(String... ids) {
            for (String id : ids) {
                tenantIds.add(TenantId.of(id).value());
            }
            return this;
        }

        /** Whether rule 6 also treats ISO 3166 country codes ({@code "JP"}, {@code "de"}) as tenant ids; default true. */
        public Builder countryCodesAreTenantIds(boolean countryCodes) {
            this.countryCodesAreTenantIds = countryCodes;
            return this;
        }

        /**
         * Further methods that read the current tenant for rule 6, as {@code "com.acme.Country#current"}
         * (beside {@code TenantContext.current/currentOrNull/require}, {@code Tenant.id}, {@code TenantId.value}).
         */
        public Builder tenantReads(String... methods) {
            for (String method : methods) {
                if (method == null || method.indexOf('#') < 1 || method.endsWith("#")) {
                    throw new IllegalArgumentException("tenantReads takes 'fully.qualified.Class#method', not '"
                            + method + "'");
                }
                tenantReads.add(method);
            }
            return this;
        }

        /**
         * Whether the module rules (1, 2, 3, 5b, 5c, 7) fail when no tenant module is identified; default
         * true, so that a wrong annotation name or package does not pass silently.
         */
        public Builder requireModules(boolean required) {
            this.requireModules = required;
            return this;
        }

        /** The configured rules. */
        public TenantIsolation build() {
            return new TenantIsolation(this);
        }

        private Builder addPackages(Set<String> into, String[] identifiers, String option) {
            for (String identifier : identifiers) {
                PackageMatcher.of(requireName(identifier, option));
                into.add(identifier);
            }
            return this;
        }

        private static String requireName(String name, String option) {
            Objects.requireNonNull(name, option);
            if (name.isBlank()) {
                throw new IllegalArgumentException(option + " must not be blank");
            }
            return name;
        }
    }
}
