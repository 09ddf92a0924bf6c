package io.tenantkit.isolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;

/**
 * The tenant modules of one analysed code base: which class belongs to which module, everything else
 * being shared code. Built once per rule evaluation from all analysed classes.
 */
final class Modules {

    /**
     * One tenant module.
     *
     * @param name the tenants it serves, joined by {@code ,} ({@code jp}, or {@code jp,kr})
     * @param tenants the tenant ids (countries or regions) it serves
     * @param root its package (classes in it and its sub-packages belong to it), or null for a module found by package pattern
     * @param declaredBy the class carrying the module annotation, or the package pattern that matched
     */
    record Module(String name, Set<String> tenants, @Nullable String root, String declaredBy) {

        @Override
        public String toString() {
            return "tenant module '" + name + "'";
        }
    }

    private final Set<String> analysed;
    private final List<Module> byRoot;               // longest root first
    private final List<PackageMatcher> patterns;
    private final Map<String, Optional<Module>> byPackage = new HashMap<>();
    private final Map<String, Module> byPattern = new LinkedHashMap<>();
    private final Set<String> extensionPointPackages;

    private Modules(Set<String> analysed, List<Module> byRoot, List<PackageMatcher> patterns,
            Set<String> extensionPointPackages) {
        this.analysed = analysed;
        this.byRoot = byRoot;
        this.patterns = patterns;
        this.extensionPointPackages = extensionPointPackages;
    }

    static Modules of(Collection<JavaClass> classes, TenantIsolation options) {
        Set<String> analysed = new HashSet<>(classes.size() * 2);
        List<Module> byRoot = new ArrayList<>();
        Set<String> extensionPointPackages = new LinkedHashSet<>();
        for (JavaClass c : classes) {
            analysed.add(c.getName());
            if (c.isAnnotatedWith(options.moduleAnnotation())) {
                Set<String> tenants = tenantsOf(c.getAnnotationOfType(options.moduleAnnotation()), c);
                byRoot.add(new Module(String.join(",", tenants), tenants, c.getPackageName(), c.getName()));
            }
            if (c.isAnnotatedWith(options.extensionPointAnnotation())) {
                extensionPointPackages.add(c.getPackageName());
            }
        }
        byRoot.sort(Comparator.comparingInt((Module m) -> m.root().length()).reversed().thenComparing(Module::name));
        List<PackageMatcher> patterns = options.modulePackages().stream().map(PackageMatcher::of).toList();
        Modules modules = new Modules(analysed, byRoot, patterns, extensionPointPackages);
        for (JavaClass c : classes) {
            modules.moduleOf(c);                         // registers pattern modules, so all() is complete
        }
        return modules;
    }

    private static Set<String> tenantsOf(JavaAnnotation<JavaClass> annotation, JavaClass declaredBy) {
        Object value = annotation.get("value").orElse(null);
        Set<String> tenants = new LinkedHashSet<>();
        if (value instanceof String[] values) {
            tenants.addAll(List.of(values));
        } else if (value instanceof String single) {
            tenants.add(single);
        }
        if (tenants.isEmpty()) {                         // an annotation without tenants: named by its package
            String pkg = declaredBy.getPackageName();
            tenants.add(pkg.substring(pkg.lastIndexOf('.') + 1));
        }
        return tenants;
    }

    /** The module {@code c} belongs to, or null when it is shared code (or not analysed). */
    @Nullable Module moduleOf(JavaClass c) {
        if (!analysed.contains(c.getName())) {
            return null;
        }
        return byPackage.computeIfAbsent(c.getPackageName(), this::find).orElse(null);
    }

    private Optional<Module> find(String pkg) {
        for (Module m : byRoot) {
            String root = m.root();
            if (pkg.equals(root) || (pkg.startsWith(root) && pkg.charAt(root.length()) == '.')) {
                return Optional.of(m);
            }
        }
        for (PackageMatcher pattern : patterns) {
            Optional<PackageMatcher.Result> match = pattern.match(pkg);
            if (match.isPresent()) {
                String tenant = match.get().getNumberOfGroups() > 0 ? match.get().getGroup(1) : pkg;
                return Optional.of(byPattern.computeIfAbsent(tenant,
                        t -> new Module(t, Set.of(t), null, "package pattern '" + pattern + "'")));
            }
        }
        return Optional.empty();
    }

    boolean isAnalysed(JavaClass c) {
        return analysed.contains(c.getName());
    }

    boolean isShared(JavaClass c) {
        return isAnalysed(c) && moduleOf(c) == null;
    }

    boolean isEmpty() {
        return byRoot.isEmpty() && byPattern.isEmpty();
    }

    List<Module> all() {
        List<Module> all = new ArrayList<>(byRoot);
        all.addAll(byPattern.values());
        return all;
    }

    Set<String> tenantIds() {
        Set<String> ids = new LinkedHashSet<>();
        all().forEach(m -> ids.addAll(m.tenants()));
        return ids;
    }

    int analysedCount() {
        return analysed.size();
    }

    /** The packages the extension points (annotated by the configured annotation) live in. */
    Set<String> extensionPointPackages() {
        return extensionPointPackages;
    }
}
