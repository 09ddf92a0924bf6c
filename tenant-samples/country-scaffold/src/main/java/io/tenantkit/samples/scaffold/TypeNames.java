package io.tenantkit.samples.scaffold;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes types as a source file names them: simple names, with the imports they need collected; a
 * second class of the same simple name keeps its qualified name.
 */
final class TypeNames {

    private final SortedSet<String> imports = new TreeSet<>();
    private final Map<String, String> bySimpleName = new HashMap<>();

    /**
     * The import lines of the collected imports and {@code more}, in the project's groups (java, io.tenantkit,
     * the rest), each group followed by a blank line.
     */
    String importBlock(String... more) {
        SortedSet<String> all = new TreeSet<>(imports);
        all.addAll(List.of(more));
        StringBuilder[] groups = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        for (String name : all) {
            int group = name.startsWith("java.") || name.startsWith("javax.") ? 0 : name.startsWith("io.tenantkit.") ? 1 : 2;
            groups[group].append("import ").append(name).append(";\n");
        }
        StringBuilder block = new StringBuilder();
        for (StringBuilder group : groups) {
            if (!group.isEmpty()) {
                block.append(group).append('\n');
            }
        }
        return block.toString();
    }

    /** {@code type} as source, such as {@code List<String>} or {@code Map<K, ? extends V>[]}. */
    String name(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? name(c.getComponentType()) + "[]" : className(c);
        }
        if (type instanceof ParameterizedType p) {
            return name(p.getRawType()) + "<" + join(p.getActualTypeArguments()) + ">";
        }
        if (type instanceof GenericArrayType a) {
            return name(a.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + name(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + name(upper);
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        throw new IllegalArgumentException("Unsupported type " + type.getTypeName());
    }

    /** A method's type parameters as declared, such as {@code <T extends Comparable<T>> }, or empty. */
    String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Stream.of(variables).map(v -> {
            String bounds = Stream.of(v.getBounds()).filter(b -> b != Object.class).map(this::name)
                    .collect(Collectors.joining(" & "));
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + bounds;
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    private String className(Class<?> c) {
        if (c.isPrimitive()) {
            return c.getName();
        }
        String qualified = c.getCanonicalName();
        String simple = c.getSimpleName();
        String known = bySimpleName.putIfAbsent(simple, qualified);
        if (known != null && !known.equals(qualified)) {
            return qualified;
        }
        if (!"java.lang".equals(c.getPackageName()) || c.getEnclosingClass() != null) {
            imports.add(qualified);
        }
        return simple;
    }

    private String join(Type[] types) {
        return Stream.of(types).map(this::name).collect(Collectors.joining(", "));
    }
}
