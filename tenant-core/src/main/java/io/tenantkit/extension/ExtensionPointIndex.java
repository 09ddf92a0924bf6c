package io.tenantkit.extension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Finds extension points, for frameworks: those a class path declares, as listed by the TenantKit
 * annotation processor (it writes the binary name of every {@link ExtensionPoint @ExtensionPoint}
 * interface it compiles to {@value #RESOURCE}, one per line, in each jar), and those a class implements.
 * The index lets a framework route and validate points that no implementation on the class path serves
 * (the Spring starter does), so that taking away the last module implementing a point is a validation
 * result, not a missing bean.
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
        return isPoint(type) ? type : null;
    }

    /** The interfaces annotated {@link ExtensionPoint} that {@code type} implements, directly or inherited. */
    public static List<Class<?>> implementedBy(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> c = pending.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (isPoint(c)) {
                found.add(c);
            }
            Collections.addAll(pending, c.getInterfaces());
            if (c.getSuperclass() != null) {
                pending.add(c.getSuperclass());
            }
        }
        return List.copyOf(found);
    }

    /** Whether {@code type} is an extension point: an interface annotated {@link ExtensionPoint}. */
    static boolean isPoint(Class<?> type) {
        return type.isInterface() && type.isAnnotationPresent(ExtensionPoint.class);
    }

    /**
     * Returns {@code point} if it is an extension point.
     *
     * @throws IllegalArgumentException naming the rule otherwise
     */
    static <P extends Class<?>> P check(P point) {
        if (!isPoint(point)) {
            throw new IllegalArgumentException(point.getName() + " is not an extension point: extension points are "
                    + "interfaces annotated @" + ExtensionPoint.class.getName() + "; annotate it or use such an interface.");
        }
        return point;
    }
}
