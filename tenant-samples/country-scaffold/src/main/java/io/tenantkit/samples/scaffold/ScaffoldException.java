package io.tenantkit.samples.scaffold;

/** Bad input or a refused generation: the message names the input (or file) and the fix. Nothing was written. */
final class ScaffoldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    ScaffoldException(String message) {
        super(message);
    }
}
