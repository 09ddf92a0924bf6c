package io.tenantkit.extension.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

import io.tenantkit.extension.ExtensionPointIndex;
import io.tenantkit.extension.ExtensionRouters;

/**
 * Generates {@code <Name>_TenantRouter} for every interface annotated
 * {@code @io.tenantkit.extension.ExtensionPoint}: a public final class in the same package that
 * implements the interface and {@code ExtensionRouter}, takes an {@code ExtensionHandle} and forwards
 * every method to {@code handle.current()}. Plain Java: no reflection, no allocation per call.
 *
 * <p>Registered in {@code META-INF/services/javax.annotation.processing.Processor} of tenant-core, so
 * javac runs it whenever tenant-core is on the class path and annotation processing is enabled (by
 * default up to JDK 22; on JDK 23+ name it with {@code -processor} or use {@code -proc:full}).
 * Nested interfaces get the enclosing names joined by {@code _}; local interfaces are not seen by
 * annotation processing and fall back to a proxy.
 *
 * <p>It also lists the points it saw in the index resource {@value ExtensionPointIndex#RESOURCE}
 * (merged with the one an earlier, incremental compilation left in the output), read by
 * {@link ExtensionPointIndex}. {@code -A}{@value #INDEX_OPTION}{@code =false} leaves the index out, for
 * compilations whose points are fixtures that should not reach every application of the class path
 * (tests).
 */
public final class ExtensionPointProcessor extends AbstractProcessor {

    static final String ANNOTATION = "io.tenantkit.extension.ExtensionPoint";

    /** The processor option that, set to {@code false}, leaves the extension point index out. */
    static final String INDEX_OPTION = "tenantkit.extensionPointIndex";

    /** Methods of {@code Object} an interface may redeclare; the router answers them itself. */
    private static final Set<String> OBJECT_METHODS = Set.of("toString()", "hashCode()", "equals(java.lang.Object)");

    /** Binary names of the points seen in all rounds, for the index. */
    private final Set<String> indexed = new TreeSet<>();

    /** Used by the {@link java.util.ServiceLoader}. */
    public ExtensionPointProcessor() {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATION);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(INDEX_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element.getKind() != ElementKind.INTERFACE) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                            "@ExtensionPoint belongs on an interface; " + element + " is a " + element.getKind().toString().toLowerCase(Locale.ROOT)
                                    + ". Declare the extension point as an interface.", element);
                } else if (hiddenFromRouter(element)) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                            "Extension point " + element + " is private or inside a private class, so no router can "
                                    + "implement it; make it (and the classes around it) at least package-private.", element);
                } else if (element.getModifiers().contains(Modifier.SEALED)) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                            "Extension point " + element + " is sealed, so no router can implement it; remove 'sealed' "
                                    + "(country modules must be free to implement it too).", element);
                } else {
                    generate((TypeElement) element);
                    indexed.add(processingEnv.getElementUtils().getBinaryName((TypeElement) element).toString());
                }
            }
        }
        if (round.processingOver() && !indexed.isEmpty() && !"false".equals(processingEnv.getOptions().get(INDEX_OPTION))) {
            writeIndex();
        }
        // Claimed: @ExtensionPoint is ours, and an unclaimed annotation is a -Xlint:processing warning
        // (which is also why the router carries no @Generated: nothing would claim it).
        return true;
    }

    private void generate(TypeElement point) {
        PackageElement pkg = processingEnv.getElementUtils().getPackageOf(point);
        String simpleName = flatName(point) + ExtensionRouters.SUFFIX;
        String pointType = point.getQualifiedName().toString() + typeArguments(point.getTypeParameters());
        StringBuilder src = new StringBuilder();
        if (!pkg.isUnnamed()) {
            src.append("package ").append(pkg.getQualifiedName()).append(";\n\n");
        }
        src.append("/** Routes each call of {@link ").append(point.getQualifiedName())
                .append("} to the current tenant's implementation. Generated by ").append(getClass().getName())
                .append("; do not edit. */\n")
                // Deprecated methods are routed like the others; "unchecked": the heap-pollution warning
                // of generic varargs (V... values), which the router's overrides repeat from the point.
                .append("@SuppressWarnings({\"deprecation\", \"removal\", \"unchecked\"})\n")
                .append("public final class ").append(simpleName).append(typeParameters(point.getTypeParameters()))
                .append(" implements ").append(pointType).append(", io.tenantkit.extension.ExtensionRouter {\n\n")
                .append("    private final io.tenantkit.extension.ExtensionHandle<").append(pointType).append("> handle;\n\n")
                .append("    /** A router calling through {@code handle}. */\n")
                .append("    public ").append(simpleName).append("(io.tenantkit.extension.ExtensionHandle<").append(pointType)
                .append("> handle) {\n")
                .append("        this.handle = java.util.Objects.requireNonNull(handle, \"handle\");\n")
                .append("    }\n");
        DeclaredType declared = (DeclaredType) point.asType();
        Set<String> seen = new HashSet<>();
        for (ExecutableElement method : ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(point))) {
            Set<Modifier> modifiers = method.getModifiers();
            if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)
                    || method.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
                continue;
            }
            ExecutableType type = (ExecutableType) processingEnv.getTypeUtils().asMemberOf(declared, method);
            String signature = method.getSimpleName() + type.getParameterTypes().stream()
                    .map(t -> processingEnv.getTypeUtils().erasure(t).toString()).collect(Collectors.joining(",", "(", ")"));
            if (!OBJECT_METHODS.contains(signature) && seen.add(signature)) {
                appendMethod(src, method, type);
            }
        }
        src.append("\n    @Override\n    public String toString() {\n        return \"TenantRouter[")
                .append(point.getQualifiedName()).append("]\";\n    }\n}\n");
        String name = pkg.isUnnamed() ? simpleName : pkg.getQualifiedName() + "." + simpleName;
        try (Writer out = processingEnv.getFiler().createSourceFile(name, point).openWriter()) {
            out.write(src.toString());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write the TenantKit router " + name + ": " + e.getMessage(), point);
        }
    }

    private void writeIndex() {
        Filer filer = processingEnv.getFiler();
        Set<String> names = new TreeSet<>(indexed);
        try {
            FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", ExtensionPointIndex.RESOURCE);
            try (BufferedReader in = new BufferedReader(existing.openReader(true))) {
                in.lines().forEach(names::add);   // written by this processor: one name per line
            }
        } catch (IOException e) {
            // No index from an earlier compilation.
        }
        try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", ExtensionPointIndex.RESOURCE).openWriter()) {
            for (String name : names) {
                out.write(name + "\n");
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write the TenantKit extension point index " + ExtensionPointIndex.RESOURCE + ": " + e.getMessage());
        }
    }

    private static void appendMethod(StringBuilder src, ExecutableElement method, ExecutableType type) {
        src.append("\n    @Override\n    public ").append(typeParameters(method.getTypeParameters()));
        if (!method.getTypeParameters().isEmpty()) {
            src.append(' ');
        }
        src.append(TypePrinter.print(type.getReturnType())).append(' ').append(method.getSimpleName()).append('(');
        List<? extends VariableElement> params = method.getParameters();
        List<? extends TypeMirror> paramTypes = type.getParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i).getSimpleName().toString();
            names.add(name);
            if (i > 0) {
                src.append(", ");
            }
            TypeMirror t = paramTypes.get(i);
            if (method.isVarArgs() && i == params.size() - 1 && t.getKind() == TypeKind.ARRAY) {
                src.append(TypePrinter.print(((ArrayType) t).getComponentType())).append("...");
            } else {
                src.append(TypePrinter.print(t));
            }
            src.append(' ').append(name);
        }
        src.append(')');
        if (!type.getThrownTypes().isEmpty()) {
            src.append(" throws ").append(type.getThrownTypes().stream().map(TypePrinter::print).collect(Collectors.joining(", ")));
        }
        src.append(" {\n        ");
        if (type.getReturnType().getKind() != TypeKind.VOID) {
            src.append("return ");
        }
        // Explicit type arguments: re-inferred, a type variable that only a throws clause or an
        // intersection bound pins down would not be the router's own.
        src.append("this.handle.current().").append(typeArguments(method.getTypeParameters())).append(method.getSimpleName())
                .append('(').append(String.join(", ", names)).append(");\n    }\n");
    }

    private static boolean hiddenFromRouter(Element element) {
        for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private static String flatName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement enclosing; e = e.getEnclosingElement()) {
            name.insert(0, enclosing.getSimpleName() + "_");
        }
        return name.toString();
    }

    private static String typeArguments(List<? extends TypeParameterElement> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.stream().map(p -> p.getSimpleName().toString()).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String typeParameters(List<? extends TypeParameterElement> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.stream().map(ExtensionPointProcessor::typeParameter).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String typeParameter(TypeParameterElement p) {
        List<String> bounds = p.getBounds().stream().map(TypePrinter::print).filter(b -> !b.equals("java.lang.Object")).toList();
        return bounds.isEmpty() ? p.getSimpleName().toString() : p.getSimpleName() + " extends " + String.join(" & ", bounds);
    }
}
