package io.tenantkit.samples.scaffold;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.tenantkit.extension.ExtensionPoint;

/** An extension point with every shape of method a stub must forward. */
@ExtensionPoint
public interface ExoticPoint {

    /** A generic method with a checked exception. */
    <T extends Comparable<T>> T max(List<? extends T> values) throws IOException;

    /** Varargs, no result. */
    void log(String format, Object... arguments);

    /** Arrays inside type arguments. */
    Map<String, int[]> table();

    /** Not forwarded: a default method keeps its body. */
    default String label() {
        return "exotic";
    }
}
