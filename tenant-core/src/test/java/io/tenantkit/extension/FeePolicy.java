package io.tenantkit.extension;

/** Test extension point: a merchant fee in minor units. */
@ExtensionPoint
public interface FeePolicy {

    long fee(long amount);

    /** The name of the implementation, for assertions. */
    String name();

    default String label() {
        return "fee by " + name();
    }
}
