package io.tenantkit.spring.extension.jpmodule;

import io.tenantkit.spring.extension.ShippingPolicy;
import io.tenantkit.spring.extension.jpmodule.internal.YamatoDirectory;

/** jp's shipping, using a bean of its own module. */
public class JpShipping implements ShippingPolicy {

    private final YamatoDirectory directory;

    public JpShipping(YamatoDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String carrier() {
        return directory.carrier();
    }
}
