package io.tenantkit.samples.marketplace.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import io.tenantkit.isolation.TenantIsolationRules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

/**
 * Proves that {@link MarketplaceIsolationTest} breaks the build when a sample module crosses a line: a copy
 * of the site-jp module, with one more class that reaches into site-us, fails the rules naming that class.
 */
class SampleModuleCrossingTest {

    private static final String LEAK = "io.tenantkit.samples.site.jp.UsRatesShortcut";

    @TempDir
    Path dir;

    @Test
    void aClassOfSiteJpReachingIntoSiteUsFailsTheRules() throws Exception {
        Path siteJp = copyOf(codeSource("io.tenantkit.samples.site.jp.JpSiteModule"), dir.resolve("site-jp"));
        List<Location> sample = List.of(location(codeSource("io.tenantkit.samples.site.us.UsSiteModule")),
                location(codeSource("io.tenantkit.samples.marketplace.api.FeePolicy")),
                location(codeSource("io.tenantkit.samples.marketplace.MarketplaceApplication")));

        JavaClasses asShipped = new ClassFileImporter().importLocations(concat(sample, Location.of(siteJp)));
        assertThat(TenantIsolationRules.ALL.evaluate(asShipped).hasViolation()).isFalse();

        compile(siteJp, LEAK, """
                package io.tenantkit.samples.site.jp;

                /** Borrows the US module's configuration: a module reaching into another one. */
                final class UsRatesShortcut {
                    Object usModule() {
                        return new io.tenantkit.samples.site.us.UsSiteModule();
                    }
                }
                """);
        JavaClasses withLeak = new ClassFileImporter().importLocations(concat(sample, Location.of(siteJp)));
        List<String> violations = TenantIsolationRules.ALL.evaluate(withLeak).getFailureReport().getDetails();
        assertThat(violations).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith(LEAK
                + " (tenant module 'jp') depends on io.tenantkit.samples.site.us.UsSiteModule (tenant module 'us')"));
    }

    private static List<Location> concat(List<Location> locations, Location more) {
        return Stream.concat(locations.stream(), Stream.of(more)).toList();
    }

    /** The class folder or jar a sample class was loaded from. */
    private static Path codeSource(String className) throws Exception {
        URI uri = Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI();
        return Path.of(uri);
    }

    /** An ArchUnit location for a class folder or a jar (a reactor build puts the modules' jars on the class path). */
    private static Location location(Path codeSource) throws IOException {
        if (Files.isDirectory(codeSource)) {
            return Location.of(codeSource);
        }
        try (JarFile jar = new JarFile(codeSource.toFile())) {
            return Location.of(jar);
        }
    }

    /** Copies a module's class folder, or unpacks its jar, into {@code target}. */
    private static Path copyOf(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return target;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!entry.isDirectory()) {
                    Path copy = target.resolve(entry.getName());
                    Files.createDirectories(copy.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, copy);
                    }
                }
            }
        }
        return target;
    }

    private static void compile(Path output, String className, String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-d", output.toString(), "-proc:none", "-classpath",
                output + java.io.File.pathSeparator + System.getProperty("java.class.path"));
        assertThat(compiler.getTask(null, null, null, options, null, List.of(unit)).call()).as("compiles").isTrue();
    }
}
