package io.tenantkit.samples.site.us;

import java.util.List;

import io.tenantkit.samples.marketplace.api.KycPolicy;

/** US merchants submit a W-9 and the IRS letter confirming their EIN. */
final class UsKycPolicy implements KycPolicy {

    @Override
    public List<String> requiredDocuments() {
        return List.of("w-9", "ein-confirmation-letter");
    }
}
