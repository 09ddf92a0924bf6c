package io.tenantkit.spring.web;

import java.util.Objects;

/** What a {@link TenantResolver} found in a request. */
public sealed interface TenantResolution {

    /** The request says nothing in this place. */
    static TenantResolution none() {
        return None.INSTANCE;
    }

    /** The request names {@code rawId} (not validated yet). */
    static TenantResolution candidate(String rawId) {
        return new Candidate(rawId);
    }

    /**
     * The request carries something unusable in this place (a header sent twice, a value that cannot
     * be decoded). {@code reason} is shown to the client: fixed text only, never request data.
     */
    static TenantResolution invalid(String reason) {
        return new Invalid(reason);
    }

    /**
     * The request may not be served under any tenant, whatever other sources name: on a tenant-required
     * path a 403, on an optional path it is served without one. {@code reason} is shown to the client:
     * fixed text only, never request data.
     */
    static TenantResolution refused(String reason) {
        return new Refused(reason);
    }

    /** No opinion. */
    enum None implements TenantResolution {
        /** The only instance. */
        INSTANCE
    }

    /**
     * A raw, unvalidated tenant id.
     *
     * @param rawId the text as found in the request
     */
    record Candidate(String rawId) implements TenantResolution {
        /** Checks {@code rawId} is not null. */
        public Candidate {
            Objects.requireNonNull(rawId, "rawId");
        }
    }

    /**
     * An unusable value.
     *
     * @param reason why, as fixed text safe to show to the client
     */
    record Invalid(String reason) implements TenantResolution {
        /** Checks {@code reason} is not null. */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A request that may not be served under any tenant.
     *
     * @param reason why, as fixed text safe to show to the client
     */
    record Refused(String reason) implements TenantResolution {
        /** Checks {@code reason} is not null. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
