package io.tenantkit.extension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The extension points a class path declares, as listed by the TenantKit annotation processor: it
 * writes the binary name of every {@link ExtensionPoint @ExtensionPoint} interface it compiles to
 * {@value #RESOURCE}, one per line, in each jar. Lets a framework route and validate points that no
 * implementation on the class path serves (the Spring starter does), so that taking away the last
 * module implementing a point is a validation result, not a missing bean.
 */
public final class ExtensionPointIndex {

    /** The index resource, one binary interface name per line; blank lines and lines starting with {@code #} are ignored. */
    public static final String RESOURCE = "META-INF/tenantkit/extension-points";

    private ExtensionPointIndex() {
    }

    /**
     * The extension points listed by every {@value #RESOURCE} that {@code loader} sees, ordered by
     * name. A listed class that {@code loader} cannot load, or that is no longer an interface
     * annotated {@link ExtensionPoint}, is skipped (a stale entry of an incremental build).
     *
     * @throws UncheckedIOException if an index cannot be read
     */
    public static List<Class<?>> load(ClassLoader loader) {
        Set<Class<?>> points = new TreeSet<>(Comparator.comparing(Class::getName));
        Enumeration<URL> indexes;
        try {
            indexes = loader.getResources(RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the extension point indexes " + RESOURCE + ": " + e.getMessage(), e);
        }
        while (indexes.hasMoreElements()) {
            URL index = indexes.nextElement();
            for (String name : names(index)) {
                Class<?> point = pointOrNull(name, loader);
                if (point != null) {
                    points.add(point);
                }
            }
        }
        return List.copyOf(points);
    }

    private static List<String> names(URL index) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            return in.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the extension point index " + index + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable Class<?> pointOrNull(String name, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return type.isInterface() && type.isAnnotationPresent(ExtensionPoint.class) ? type : null;
    }
}
