package io.tenantkit.samples.marketplace.api.defaults;

import java.util.List;

import io.tenantkit.samples.marketplace.api.KycPolicy;

/** The global default KYC: a government id and a bank statement. */
final class StandardKycPolicy implements KycPolicy {

    @Override
    public List<String> requiredDocuments() {
        return List.of("government-id", "bank-statement");
    }
}
