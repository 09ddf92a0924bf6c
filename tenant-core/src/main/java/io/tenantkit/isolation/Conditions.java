package io.tenantkit.isolation;

import static com.tngtech.archunit.lang.SimpleConditionEvent.violated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.tenantkit.context.TenantContext;

import org.jspecify.annotations.Nullable;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;

/** The conditions behind the rules of {@link TenantIsolation}; each message names the class, what it reaches and the fix. */
final class Conditions {

    private Conditions() {
    }

    /** Identifies the modules among all analysed classes before the classes are checked. */
    abstract static class IsolationCondition extends ArchCondition<JavaClass> {

        final TenantIsolation options;
        private final boolean needsModules;
        Modules modules = Modules.of(List.of(), TenantIsolation.defaults());

        IsolationCondition(String description, TenantIsolation options, boolean needsModules) {
            super(description);
            this.options = options;
            this.needsModules = needsModules;
        }

        @Override
        public void init(Collection<JavaClass> allObjectsToTest) {
            modules = Modules.of(allObjectsToTest, options);
        }

        /** Each direct dependency of {@code c} with its target (an array counts as its element type). */
        static void forEachDependency(JavaClass c, BiConsumer<Dependency, JavaClass> action) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                action.accept(d, d.getTargetClass().getBaseComponentType());
            }
        }

        @Override
        public void finish(ConditionEvents events) {
            if (needsModules && options.requireModules() && modules.isEmpty() && modules.analysedCount() > 0) {
                events.add(violated(modules, "No tenant module was identified among the " + modules.analysedCount()
                        + " analysed classes: no class is annotated @" + options.moduleAnnotation()
                        + (options.modulePackages().isEmpty() ? "" : " and no package matches " + options.modulePackages())
                        + ". Analyse the packages of your country modules too, configure TenantIsolation.builder()"
                        + ".moduleAnnotation(...) or .modulePackages(...), or set .requireModules(false)"));
            }
        }
    }

    /** Rule 1. */
    static final class ModulesIndependent extends IsolationCondition {

        ModulesIndependent(TenantIsolation options) {
            super("not depend on classes of other tenant modules", options, true);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            Modules.Module from = modules.moduleOf(c);
            if (from == null) {
                return;
            }
            forEachDependency(c, (d, target) -> {
                Modules.Module to = modules.moduleOf(target);
                if (to != null && !to.equals(from) && !options.mayUse(from, to)) {
                    events.add(violated(d, c.getName() + " (" + from + ") depends on " + target.getName() + " (" + to
                            + "): " + d.getDescription() + ". Tenant modules never depend on each other: move what both "
                            + "need into shared code (an @ExtensionPoint or a shared API package)"
                            + (to.tenants().size() == 1 ? ", or, if '" + to.name() + "' is the region of '" + from.name()
                                    + "', allow it with TenantIsolation.builder().regionModule(\"" + to.name() + "\", \""
                                    + from.tenants().iterator().next() + "\")" : "")));
                }
            });
        }
    }

    /** Rule 2. */
    static final class SharedIndependent extends IsolationCondition {

        SharedIndependent(TenantIsolation options) {
            super("not depend on tenant modules when they are shared code", options, true);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            if (!modules.isShared(c)) {
                return;
            }
            forEachDependency(c, (d, target) -> {
                Modules.Module to = modules.moduleOf(target);
                if (to != null) {
                    events.add(violated(d, c.getName() + " (shared code) depends on " + target.getName() + " (" + to
                            + "): " + d.getDescription() + ". Shared code never names a tenant module: declare an "
                            + "@ExtensionPoint interface in shared code, call it, and let the '" + to.name()
                            + "' module implement it"));
                }
            });
        }
    }

    /** Rule 3. */
    static final class ModulesUseApi extends IsolationCondition {

        ModulesUseApi(TenantIsolation options) {
            super("use shared code only through its API packages", options, true);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            Modules.Module from = modules.moduleOf(c);
            if (from == null) {
                return;
            }
            forEachDependency(c, (d, target) -> {
                String pkg = target.getPackageName();
                if (modules.isShared(target) && !options.isApiPackage(pkg, modules)) {
                    events.add(violated(d, c.getName() + " (" + from + ") uses " + target.getName()
                            + ", an internal of shared code (package " + pkg + " is not an API package): "
                            + d.getDescription() + ". Use the shared API (" + options.apiPackagesDescription(modules)
                            + "), or, if " + pkg + " is meant for modules, declare it with TenantIsolation.builder()"
                            + ".apiPackages(\"" + pkg + "\")"));
                }
            });
        }
    }

    /** Rule 4. */
    static final class NoUnmanagedConcurrency extends IsolationCondition {

        private static final Set<String> MANAGERS = Set.of("io.tenantkit.propagation.TenantExecutors",
                "io.tenantkit.propagation.TenantFutures");

        NoUnmanagedConcurrency(TenantIsolation options) {
            super("not start threads, pools or async work TenantKit does not manage", options, false);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            if (options.concurrencyAllowedIn(c.getPackageName()) || options.ownsContext(c.getPackageName())) {
                return;
            }
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                Set<JavaCall<?>> calls = unit.getCallsFromSelf();
                if (calls.stream().anyMatch(call -> MANAGERS.contains(call.getTargetOwner().getName()))) {
                    continue;                            // TenantExecutors.wrap(Executors.newFixedThreadPool(4))
                }
                for (JavaCall<?> call : calls) {
                    String what = unmanaged(call.getTarget());
                    if (what != null) {
                        events.add(violated(call, c.getName() + " uses unmanaged concurrency (" + what + "): "
                                + call.getDescription() + ". The work runs without the caller's tenant: wrap the "
                                + "executor with TenantExecutors.wrap(...) in the same method, use "
                                + "TenantFutures.supplyAsync/runAsync(..., executor) or a Spring-managed task executor "
                                + "(TenantKit's TaskDecorator is applied to it), or allow the package with "
                                + "TenantIsolation.builder().allowConcurrencyIn(\"" + c.getPackageName() + "\")"));
                    }
                }
            }
        }

        private static @Nullable String unmanaged(CodeUnitCallTarget target) {
            JavaClass owner = target.getOwner();
            String name = target.getName();
            if (name.equals("<init>")) {
                if (owner.isAssignableTo("java.lang.Thread")) {
                    return "new Thread";
                }
                if (owner.isAssignableTo("java.util.Timer")) {
                    return "new Timer";
                }
                if (owner.isAssignableTo("java.util.concurrent.ThreadPoolExecutor")
                        || owner.isAssignableTo("java.util.concurrent.ForkJoinPool")) {
                    return "new " + owner.getSimpleName();
                }
                return null;
            }
            return switch (owner.getName()) {
                case "java.util.concurrent.Executors" -> name.startsWith("new") ? "Executors." + name : null;
                case "java.util.concurrent.ForkJoinPool" -> name.equals("commonPool") ? "ForkJoinPool.commonPool()" : null;
                case "java.lang.Thread" -> name.equals("ofVirtual") || name.equals("ofPlatform")
                        || name.equals("startVirtualThread") ? "Thread." + name : null;
                case "java.util.concurrent.CompletableFuture" -> name.endsWith("Async") && target.getRawParameterTypes()
                        .stream().noneMatch(p -> p.isAssignableTo("java.util.concurrent.Executor"))
                        ? "CompletableFuture." + name + " on the common pool" : null;
                default -> {
                    if (name.equals("parallelStream") && owner.isAssignableTo("java.util.Collection")) {
                        yield "parallelStream()";
                    }
                    if (name.equals("parallel") && owner.isAssignableTo("java.util.stream.BaseStream")) {
                        yield "a parallel stream";
                    }
                    yield null;
                }
            };
        }
    }

    /** Rule 5a. */
    static final class ScopedContextOnly extends IsolationCondition {

        private static final Set<String> SETTERS = Set.of("setValue", "restore", "reset");
        private static final Set<String> TRANSMITTER = Set.of("replay", "restore", "clear");
        private static final Set<String> MDC_WRITES = Set.of("org.slf4j.MDC#put", "org.slf4j.MDC#remove",
                "org.slf4j.MDC#putCloseable");
        private static final String MDC_KEY = TenantContext.MDC_KEY;     // a constant: no class initialisation

        ScopedContextOnly(TenantIsolation options) {
            super("change the tenant context only through TenantKit's scopes", options, false);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            if (options.ownsContext(c.getPackageName())) {
                return;
            }
            boolean writesMdc = false;
            for (JavaCall<?> call : c.getMethodCallsFromSelf()) {
                CodeUnitCallTarget target = call.getTarget();
                JavaClass owner = target.getOwner();
                String fix = null;
                if (SETTERS.contains(target.getName())
                        && (owner.isAssignableTo("io.micrometer.context.ThreadLocalAccessor")
                                || owner.getName().equals("io.tenantkit.context.TenantThreadLocalAccessor"))) {
                    fix = "a thread-local accessor sets the tenant without a scope; use try (var scope = "
                            + "ContextSnapshotFactory...captureAll().setThreadLocals()) or TenantContext.enter/runAs";
                } else if (owner.getName().equals("com.alibaba.ttl.TransmittableThreadLocal$Transmitter")
                        && TRANSMITTER.contains(target.getName())) {
                    fix = "Transmitter." + target.getName() + " replaces the tenant of this thread by hand; hand work over "
                            + "with TenantExecutors.wrap(...) or TtlRunnable/TtlCallable, which restore it";
                } else if (MDC_WRITES.contains(owner.getName() + "#" + target.getName())) {
                    writesMdc = true;
                }
                if (fix != null) {
                    events.add(violated(call, c.getName() + " changes the tenant context outside a scope: "
                            + call.getDescription() + ". " + fix));
                }
            }
            if (writesMdc) {
                for (Bytecode.Method m : Bytecode.methodsOf(c)) {
                    if (m.strings().contains(MDC_KEY) && m.invoked().stream().anyMatch(MDC_WRITES::contains)) {
                        events.add(violated(c, c.getName() + " writes the MDC key '" + MDC_KEY + "' in method "
                                + m.sourceName() + " in " + c.getSourceCodeLocation() + ". TenantKit keeps that key equal "
                                + "to the current tenant; enter the tenant with TenantContext.enter/runAs and the MDC "
                                + "follows, or log your own value under another key"));
                    }
                }
            }
        }
    }

    /** Rule 5b. */
    static final class NoThreadLocals extends IsolationCondition {

        NoThreadLocals(TenantIsolation options) {
            super("hold no ThreadLocal when in a tenant module", options, true);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            Modules.Module module = modules.moduleOf(c);
            if (module == null) {
                return;
            }
            String fix = ". Keep request state in method parameters or beans, per-tenant data in a tenant cache or "
                    + "tenant config, and read the tenant from TenantContext";
            for (JavaField f : c.getFields()) {
                if (f.getRawType().isAssignableTo(ThreadLocal.class)) {
                    events.add(violated(f, c.getName() + " (" + module + ") holds a ThreadLocal: field <"
                            + f.getFullName() + "> of type " + f.getRawType().getName() + " in "
                            + c.getSourceCodeLocation() + fix));
                }
            }
            for (JavaCall<?> call : c.getCodeUnitCallsFromSelf()) {
                if ((call.getName().equals("<init>") || call.getName().equals("withInitial"))
                        && call.getTargetOwner().isAssignableTo(ThreadLocal.class)) {
                    events.add(violated(call, c.getName() + " (" + module + ") creates a ThreadLocal: "
                            + call.getDescription() + fix));
                }
            }
        }
    }

    /** Rule 5c. */
    static final class NoStaticMutableFields extends IsolationCondition {

        NoStaticMutableFields(TenantIsolation options) {
            super("hold no static mutable field when in a tenant module", options, true);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            Modules.Module module = modules.moduleOf(c);
            if (module == null) {
                return;
            }
            for (JavaField f : c.getFields()) {
                Set<JavaModifier> m = f.getModifiers();
                if (m.contains(JavaModifier.STATIC) && !m.contains(JavaModifier.FINAL) && !m.contains(JavaModifier.SYNTHETIC)) {
                    events.add(violated(f, c.getName() + " (" + module + ") has a static mutable field <"
                            + f.getFullName() + "> in " + c.getSourceCodeLocation() + ". It is shared by every "
                            + "request and thread and outlives them: make it final and immutable, or keep the state in "
                            + "a bean, a tenant cache or tenant config"));
                }
            }
        }
    }

    /** Rule 6. */
    static final class NoTenantBranching extends IsolationCondition {

        private static final Set<String> COMPARISONS = Set.of("java.lang.String#equals", "java.lang.String#equalsIgnoreCase",
                "java.lang.String#hashCode", "java.lang.String#contentEquals", "java.lang.String#compareTo",
                "java.lang.String#compareToIgnoreCase", "java.lang.Object#equals", "java.util.Objects#equals",
                "io.tenantkit.tenant.TenantId#of", "io.tenantkit.tenant.TenantId#equals");

        private Set<String> literals = Set.of();

        NoTenantBranching(TenantIsolation options) {
            super("not compare the current tenant with literal tenant ids when shared code", options, false);
        }

        @Override
        public void init(Collection<JavaClass> allObjectsToTest) {
            super.init(allObjectsToTest);
            literals = options.tenantIdLiterals(modules);
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            if (!modules.isShared(c) || options.ownsContext(c.getPackageName())) {
                return;
            }
            Map<String, JavaCall<?>> reads = new LinkedHashMap<>();      // source method -> first tenant read
            for (JavaCall<?> call : c.getMethodCallsFromSelf()) {
                if (options.tenantReads().contains(call.getTargetOwner().getName() + "#" + call.getName())) {
                    reads.putIfAbsent(call.getOrigin().getName(), call);
                }
            }
            if (reads.isEmpty()) {
                return;                                  // cheap: most classes never read the tenant
            }
            for (Bytecode.Method m : Bytecode.methodsOf(c)) {
                Set<String> tenantReads = new TreeSet<>(m.invoked());
                tenantReads.retainAll(options.tenantReads());
                if (tenantReads.isEmpty() || m.invoked().stream().noneMatch(COMPARISONS::contains)) {
                    continue;
                }
                Set<String> found = new LinkedHashSet<>();
                for (String s : m.strings()) {
                    if (literals.contains(s.toLowerCase(Locale.ROOT))) {
                        found.add("\"" + s + "\"");
                    }
                }
                if (!found.isEmpty()) {
                    JavaCall<?> read = reads.get(m.sourceName());
                    Object location = read != null ? read.getSourceCodeLocation() : c.getSourceCodeLocation();
                    events.add(violated(c, c.getName() + " (shared code) branches on hard-coded tenant ids in method "
                            + m.sourceName() + " in " + location + ": it reads the current tenant ("
                            + String.join(", ", tenantReads).replace('#', '.') + ") and compares with " + String.join(", ", found)
                            + ". Declare an @ExtensionPoint for what differs, call it here, and implement it in each "
                            + "tenant's module (or read the value from tenant config)"));
                }
            }
        }
    }

    /** Rule 7. */
    static final class OwnResourcesOnly extends IsolationCondition {

        private static final String FOLDER = "tenants/";
        private final Map<Modules.Module, JavaClass> declaringClasses = new LinkedHashMap<>();

        OwnResourcesOnly(TenantIsolation options) {
            super("ship tenants/<id>/ resources only for their own tenants when tenant modules", options, true);
        }

        @Override
        public void init(Collection<JavaClass> allObjectsToTest) {
            super.init(allObjectsToTest);
            declaringClasses.clear();
        }

        @Override
        public void check(JavaClass c, ConditionEvents events) {
            Modules.Module module = modules.moduleOf(c);
            if (module != null && (module.root() == null || module.declaredBy().equals(c.getName()))) {
                declaringClasses.putIfAbsent(module, c);
            }
        }

        @Override
        public void finish(ConditionEvents events) {
            super.finish(events);
            Map<URI, List<Map.Entry<Modules.Module, JavaClass>>> byRoot = new LinkedHashMap<>();
            for (Map.Entry<Modules.Module, JavaClass> e : declaringClasses.entrySet()) {
                URI root = codeSource(e.getValue());
                if (root != null) {
                    byRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(e);
                }
            }
            byRoot.forEach((root, inRoot) -> {
                Set<String> own = new TreeSet<>();
                inRoot.forEach(e -> own.addAll(e.getKey().tenants()));
                tenantResources(root).forEach((tenant, files) -> {
                    if (!own.contains(tenant)) {
                        Map.Entry<Modules.Module, JavaClass> first = inRoot.get(0);
                        events.add(violated(first.getValue(), first.getValue().getName() + " (" + first.getKey()
                                + ") ships resources of tenant '" + tenant + "' in its code source " + root + ": "
                                + String.join(", ", files) + ". A module carries only its own tenants' files ("
                                + FOLDER + String.join("/, " + FOLDER, own) + "/): move them to the '" + tenant
                                + "' module, or to the application's resources"));
                    }
                });
            });
        }

        /** The jar or class folder {@code c} was imported from. */
        private static @Nullable URI codeSource(JavaClass c) {
            Source source = c.getSource().orElse(null);
            if (source == null) {
                return null;
            }
            String uri = source.getUri().toString();
            String path = c.getName().replace('.', '/') + ".class";
            return uri.endsWith(path) ? URI.create(uri.substring(0, uri.length() - path.length())) : null;
        }

        /** {@code tenants/<id>/...} resources of a code source, by tenant id, sorted. */
        private static Map<String, List<String>> tenantResources(URI root) {
            Map<String, List<String>> found = new TreeMap<>();
            try {
                if (root.getScheme().equals("jar")) {
                    String spec = root.getSchemeSpecificPart();
                    URI file = URI.create(spec.substring(0, spec.indexOf("!/")));
                    try (JarFile jar = new JarFile(Path.of(file).toFile())) {
                        jar.stream().map(JarEntry::getName).filter(n -> !n.endsWith("/")).forEach(n -> add(found, n));
                    }
                } else if (root.getScheme().equals("file")) {
                    Path dir = Path.of(root);
                    Path tenants = dir.resolve("tenants");
                    if (Files.isDirectory(tenants)) {
                        try (Stream<Path> files = Files.walk(tenants)) {
                            files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder())
                                    .forEach(p -> add(found, dir.relativize(p).toString().replace('\\', '/')));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the tenants/ resources of " + root, e);
            }
            return found;
        }

        private static void add(Map<String, List<String>> found, String name) {
            if (name.startsWith(FOLDER)) {
                int slash = name.indexOf('/', FOLDER.length());
                if (slash > FOLDER.length()) {
                    found.computeIfAbsent(name.substring(FOLDER.length(), slash), t -> new ArrayList<>()).add(name);
                }
            }
        }
    }
}
