package io.tenantkit.context;

import com.alibaba.ttl.TransmittableThreadLocal.Transmitter;

/**
 * A hand-off that carries every TTL value of the submitting thread, the tenant among them (through
 * {@link TenantTransmittee}): taken when the tenant is not all there is to carry.
 */
final class TtlCapture implements TenantHandOff {

    private final Object captured;

    private TtlCapture(Object captured) {
        this.captured = captured;
    }

    static TtlCapture capture() {
        return new TtlCapture(Transmitter.capture());
    }

    @Override
    public Scope enter() {
        return new TtlScope(Transmitter.replay(captured), null);
    }

    @Override
    public String toString() {
        return "TenantHandOff[all TTL values]";
    }
}
