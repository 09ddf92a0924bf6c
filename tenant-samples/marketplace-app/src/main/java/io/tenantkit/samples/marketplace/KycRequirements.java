package io.tenantkit.samples.marketplace;

import java.util.List;

import io.tenantkit.samples.marketplace.api.KycPolicy;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The KYC documents the current site requires, from its {@link KycPolicy}, cached: the method has no argument, so
 * the cache key names no tenant, and still every site gets its own answer, because TenantKit's cache manager keeps
 * one cache per tenant ({@code tenantkit.cache.specs.kyc-requirements} in application.yml bounds it per site).
 */
@Service
class KycRequirements {

    private final KycPolicy kyc;

    KycRequirements(KycPolicy kyc) {
        this.kyc = kyc;
    }

    @Cacheable("kyc-requirements")
    public List<String> requiredDocuments() {
        return kyc.requiredDocuments();
    }
}
