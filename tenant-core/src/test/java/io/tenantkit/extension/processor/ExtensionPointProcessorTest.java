package io.tenantkit.extension.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import io.tenantkit.extension.ExtensionPoint;
import io.tenantkit.extension.ExtensionPointIndex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the processor through javac on sources written here. */
class ExtensionPointProcessorTest {

    @TempDir
    Path out;

    @Test
    void generatesAPlainRouterClassPerExtensionPoint() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Shipping", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public interface Shipping {
                    String carrier(int weight) throws java.io.IOException;
                    interface Nested {}
                }
                """);

        assertThat(errors).isEmpty();
        String router = Files.readString(out.resolve("demo/Shipping_TenantRouter.java"));
        assertThat(router).contains("public final class Shipping_TenantRouter implements demo.Shipping, io.tenantkit.extension.ExtensionRouter {")
                .contains("public java.lang.String carrier(int weight) throws java.io.IOException {\n"
                        + "        return this.handle.current().carrier(weight);\n    }");
        assertThat(out.resolve("demo/Shipping_TenantRouter.class")).exists();
    }

    @Test
    void anExtensionPointMustBeAnInterface() {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Fee", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public class Fee {}
                """);

        assertThat(errors).singleElement().extracting(d -> d.getMessage(Locale.ROOT))
                .isEqualTo("@ExtensionPoint belongs on an interface; demo.Fee is a class. Declare the extension point as an interface.");
    }

    @Test
    void aPrivateExtensionPointIsRejected() {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Outer", """
                package demo;
                public class Outer {
                    @io.tenantkit.extension.ExtensionPoint
                    private interface Hidden {}
                }
                """);

        assertThat(errors).singleElement().extracting(d -> d.getMessage(Locale.ROOT))
                .isEqualTo("Extension point demo.Outer.Hidden is private or inside a private class, so no router can implement it; "
                        + "make it (and the classes around it) at least package-private.");
    }

    @Test
    void aSealedExtensionPointIsRejected() {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Closed", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public sealed interface Closed permits Only {}
                final class Only implements Closed {}
                """);

        assertThat(errors).singleElement().extracting(d -> d.getMessage(Locale.ROOT))
                .isEqualTo("Extension point demo.Closed is sealed, so no router can implement it; remove 'sealed' "
                        + "(country modules must be free to implement it too).");
    }

    @Test
    void deprecatedMethodsAreRoutedWithoutWarnings() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Legacy", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public interface Legacy {
                    @Deprecated String old();
                }
                """, "-Xlint:all", "-Werror");

        assertThat(errors).isEmpty();
        assertThat(out.resolve("demo/Legacy_TenantRouter.class")).exists();
    }

    @Test
    void genericMethodsAreForwardedWithExplicitTypeArguments() throws IOException {
        // Re-inferred, E of the forwarding call was not the router's E: a thrown E bounded by
        // Exception & Runnable did not compile.
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Picker", """
                package demo;
                import java.util.List;
                @io.tenantkit.extension.ExtensionPoint
                public interface Picker<T> {
                    <E extends Exception & Runnable> T pick(List<T> xs, E e) throws E;
                    <E extends Exception & Runnable> void check() throws E;
                }
                """);

        assertThat(errors).isEmpty();
        assertThat(Files.readString(out.resolve("demo/Picker_TenantRouter.java")))
                .contains("return this.handle.current().<E>pick(xs, e);")
                .contains("this.handle.current().<E>check();");
    }

    @Test
    void genericVarargsAreRoutedWithoutWarnings() throws IOException {
        // The point's own declarations carry the heap-pollution warning, suppressed here by its author;
        // the router's overrides repeated it, and a -Werror build failed.
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Collector", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public interface Collector<V> {
                    @SuppressWarnings("unchecked") void add(V... values);
                    @SuppressWarnings("unchecked") <W extends V> java.util.List<W> of(W first, W... more);
                }
                """, "-Xlint:all", "-Werror");

        assertThat(errors).isEmpty();
        assertThat(out.resolve("demo/Collector_TenantRouter.class")).exists();
    }

    @Test
    void theExtensionPointsAreListedInTheIndexByBinaryName() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Site", """
                package demo;
                public interface Site {
                    @io.tenantkit.extension.ExtensionPoint
                    interface Tax {}
                    @io.tenantkit.extension.ExtensionPoint(optional = true)
                    interface Rail {}
                    interface NotAPoint {}
                }
                """);

        assertThat(errors).isEmpty();
        assertThat(Files.readAllLines(out.resolve(ExtensionPointIndex.RESOURCE))).containsExactly("demo.Site$Rail", "demo.Site$Tax");
    }

    @Test
    void anIncrementalCompilationAddsToTheIndexItFinds() throws IOException {
        compile("demo.Fee", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public interface Fee {}
                """);

        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Kyc", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public interface Kyc {}
                """);

        assertThat(errors).isEmpty();
        assertThat(Files.readAllLines(out.resolve(ExtensionPointIndex.RESOURCE))).containsExactly("demo.Fee", "demo.Kyc");
    }

    @Test
    void theIndexCanBeLeftOut() {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Fixture", """
                package demo;
                @io.tenantkit.extension.ExtensionPoint
                public interface Fixture {}
                """, "-Xlint:all", "-Werror", "-Atenantkit.extensionPointIndex=false");

        assertThat(errors).isEmpty();
        assertThat(out.resolve("demo/Fixture_TenantRouter.class")).exists();
        assertThat(out.resolve(ExtensionPointIndex.RESOURCE)).doesNotExist();
    }

    @Test
    void aCompilationWithoutExtensionPointsWritesNoIndex() {
        List<Diagnostic<? extends JavaFileObject>> errors = compile("demo.Plain", """
                package demo;
                public interface Plain {}
                """);

        assertThat(errors).isEmpty();
        assertThat(out.resolve(ExtensionPointIndex.RESOURCE)).doesNotExist();
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(String className, String source, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(out.toFile()));
            files.setLocation(StandardLocation.CLASS_PATH, List.of(classesOf(ExtensionPoint.class)));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    options.length == 0 ? List.of("-Xlint:none") : List.of(options),
                    null, List.of(new Source(className, source)));
            task.setProcessors(List.of(new ExtensionPointProcessor()));
            task.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        return errors;
    }

    private static File classesOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
