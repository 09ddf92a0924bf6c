package io.tenantkit.extension;

/** Shared reducer instances, so that {@link ExtensionHandle#reduce} can recognise them. */
final class Reducers {

    /**
     * The reducer behind {@link ExtensionReducer#first()}. {@link ExtensionHandle#reduce} answers it
     * with {@link ExtensionHandle#current()}, whose failure names the point and the tenant.
     */
    static final ExtensionReducer<Object, Object> FIRST = implementations -> {
        if (implementations.isEmpty()) {
            throw new ExtensionResolutionException("No implementation to reduce: the chain is empty. Use "
                    + "ExtensionHandle.currentOrNull() or all() where an optional point may have none.");
        }
        return implementations.get(0);
    };

    private Reducers() {
    }
}
