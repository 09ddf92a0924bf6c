package io.tenantkit.samples.site.jp;

import java.util.List;

import io.tenantkit.samples.marketplace.api.KycPolicy;

/** Japanese merchants submit a My Number card and, for companies, a certificate of registered seal. */
final class JpKycPolicy implements KycPolicy {

    @Override
    public List<String> requiredDocuments() {
        return List.of("my-number-card", "seal-registration-certificate");
    }
}
