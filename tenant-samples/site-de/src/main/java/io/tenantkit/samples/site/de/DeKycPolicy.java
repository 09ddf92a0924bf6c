package io.tenantkit.samples.site.de;

import java.util.List;

import io.tenantkit.samples.marketplace.api.KycPolicy;

/** German merchants submit an extract from the commercial register and the managing director's identity card. */
final class DeKycPolicy implements KycPolicy {

    @Override
    public List<String> requiredDocuments() {
        return List.of("handelsregister-extract", "personalausweis");
    }
}
