package io.tenantkit.samples.marketplace;

import java.util.List;

import io.tenantkit.samples.marketplace.api.KycPolicy;

import org.springframework.stereotype.Service;

/**
 * The KYC documents the current site requires, from its {@link KycPolicy}: one bean method with no arguments, so
 * that a tenant-isolated cache ({@code @Cacheable("kyc-requirements")}) can hold one answer per site.
 */
@Service
class KycRequirements {

    private final KycPolicy kyc;

    KycRequirements(KycPolicy kyc) {
        this.kyc = kyc;
    }

    List<String> requiredDocuments() {
        return kyc.requiredDocuments();
    }
}
