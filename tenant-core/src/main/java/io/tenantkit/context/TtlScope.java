package io.tenantkit.context;

import org.jspecify.annotations.Nullable;

import com.alibaba.ttl.TransmittableThreadLocal.Transmitter;

/**
 * A hand-off entered through TTL's {@code Transmitter}: closing it pops the tenant frame pushed on top
 * (if any), then lets TTL restore everything it replayed or cleared, the tenant included.
 */
final class TtlScope implements TenantHandOff.Scope {

    private final Object backup;
    private final @Nullable Frame frame;
    private boolean closed;

    TtlScope(Object backup, @Nullable Frame frame) {
        this.backup = backup;
        this.frame = frame;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (frame != null) {
                frame.close();
            }
        } finally {
            Transmitter.restore(backup);
        }
    }
}
