package io.tenantkit.spring.extension.jpmodule.internal;

import io.tenantkit.extension.Extension;
import io.tenantkit.spring.extension.ShippingPolicy;

/** Lives in the jp module's package tree but names its tenant explicitly, which wins. */
@Extension(tenants = "kr")
public class KrShippingInJpModule implements ShippingPolicy {

    @Override
    public String carrier() {
        return "cj logistics";
    }
}
