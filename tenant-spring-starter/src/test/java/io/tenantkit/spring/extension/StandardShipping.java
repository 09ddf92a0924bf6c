package io.tenantkit.spring.extension;

/** The global default: declared outside any tenant module, without tenants. */
public class StandardShipping implements ShippingPolicy {

    @Override
    public String carrier() {
        return "standard post";
    }
}
