package io.tenantkit.extension;

/** What a table build does with a binding that names a tenant the tenant snapshot does not declare. */
public enum UnknownTenantPolicy {

    /** The build fails, naming the implementation and the tenant (the default). */
    FAIL,

    /** The binding is ignored for that tenant and a warning is logged and kept in {@link ExtensionRegistry#warnings()}. */
    WARN
}
