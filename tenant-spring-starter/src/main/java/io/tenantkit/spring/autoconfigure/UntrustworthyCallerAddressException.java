package io.tenantkit.spring.autoconfigure;

import java.util.List;

/**
 * Thrown at startup when {@code tenantkit.web.header.trusted-callers} is set while the caller's address
 * comes from a header clients write ({@code server.forward-headers-strategy=framework}, without
 * {@code tenantkit.web.header.proxy-overwrites-forwarded-for}).
 * {@link UntrustworthyCallerAddressFailureAnalyzer} reports it.
 */
final class UntrustworthyCallerAddressException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> trustedCallers;

    UntrustworthyCallerAddressException(List<String> trustedCallers) {
        super("tenantkit.web.header.trusted-callers is set while server.forward-headers-strategy=framework takes the caller's "
                + "address from X-Forwarded-For; set tenantkit.web.header.proxy-overwrites-forwarded-for=true if your proxy "
                + "replaces that header.");
        this.trustedCallers = List.copyOf(trustedCallers);
    }

    /** The configured ranges. */
    List<String> trustedCallers() {
        return trustedCallers;
    }
}
