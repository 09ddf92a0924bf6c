package io.tenantkit.spring.extension;

/** Shared code: injects the extension point like any bean. */
public class Checkout {

    private final ShippingPolicy shipping;

    public Checkout(ShippingPolicy shipping) {
        this.shipping = shipping;
    }

    public String ship() {
        return "shipped by " + shipping.carrier();
    }

    ShippingPolicy shipping() {
        return shipping;
    }
}
