package io.tenantkit.spring.extension;

import io.tenantkit.extension.ExtensionPoint;

/** Test extension point: which carrier ships a parcel. */
@ExtensionPoint
public interface ShippingPolicy {

    String carrier();
}
