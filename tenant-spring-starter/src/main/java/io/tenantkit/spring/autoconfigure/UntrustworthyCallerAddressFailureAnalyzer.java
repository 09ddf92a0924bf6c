package io.tenantkit.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports trusted callers configured behind forwarded-header handling that lets clients choose their own
 * address: names both properties, why the combination is unsafe, and the three ways out.
 */
final class UntrustworthyCallerAddressFailureAnalyzer extends AbstractFailureAnalyzer<UntrustworthyCallerAddressException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UntrustworthyCallerAddressException cause) {
        return new FailureAnalysis("TenantKit could not start: tenantkit.web.header.trusted-callers " + cause.trustedCallers()
                + " believes the tenant header only from those addresses, but server.forward-headers-strategy=framework takes "
                + "the caller's address from the leftmost X-Forwarded-For value. Behind a proxy that appends to that header "
                + "(the usual setup), the client writes that value itself, so any client could pass as a trusted caller and "
                + "choose its tenant.",
                "Do one of these: (1) set server.forward-headers-strategy=native and server.tomcat.remoteip.internal-proxies "
                + "to a pattern matching exactly your proxies' addresses; (2) if your proxy replaces X-Forwarded-For with the "
                + "address of the client it saw, never appending, declare it with "
                + "tenantkit.web.header.proxy-overwrites-forwarded-for=true; (3) remove tenantkit.web.header.trusted-callers "
                + "and let the proxy set or strip the tenant header.", cause);
    }
}
