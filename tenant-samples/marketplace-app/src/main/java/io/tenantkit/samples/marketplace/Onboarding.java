package io.tenantkit.samples.marketplace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.SafeText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Merchant onboarding on the current site: the application, the KYC documents still missing, the site's list. */
@Service
class Onboarding {

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

    private final MerchantRepository merchants;
    private final KycRequirements kyc;

    Onboarding(MerchantRepository merchants, KycRequirements kyc) {
        this.merchants = merchants;
        this.kyc = kyc;
    }

    /** Saves an application; documents must be ones the site requires (400 problem otherwise). */
    @Transactional
    MerchantView apply(String name, List<String> documents) {
        List<String> required = kyc.requiredDocuments();
        List<String> unknown = documents.stream().filter(document -> !required.contains(document)).toList();
        if (!unknown.isEmpty()) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "unknown-document", "Unknown KYC document",
                    "Site '" + TenantContext.require().id() + "' does not ask for " + SafeText.quote(String.join(", ", unknown))
                            + "; it requires " + required + ".");
        }
        Merchant merchant = merchants.save(new Merchant(name, List.copyOf(new LinkedHashSet<>(documents))));
        log.info("Merchant {} applied: {}", merchant.id(), SafeText.quote(name));
        return view(merchant, required);
    }

    @Transactional(readOnly = true)
    List<MerchantView> list() {
        List<String> required = kyc.requiredDocuments();
        return merchants.findAllInOrder().stream().map(merchant -> view(merchant, required)).toList();
    }

    /** The merchant with this id on the current site; a 404 problem when the site has none (or another site has it). */
    @Transactional(readOnly = true)
    MerchantView require(long id) {
        return merchants.findById(id).map(merchant -> view(merchant, kyc.requiredDocuments()))
                .orElseThrow(() -> Problems.problem(HttpStatus.NOT_FOUND, "unknown-merchant", "Unknown merchant",
                        "Site '" + TenantContext.require().id() + "' has no merchant " + id + "."));
    }

    private static MerchantView view(Merchant merchant, List<String> required) {
        List<String> missing = new ArrayList<>(required);
        missing.removeAll(merchant.documents());
        return new MerchantView(merchant.id(), merchant.name(), merchant.documents(), missing,
                missing.isEmpty() ? MerchantView.VERIFIED : MerchantView.PENDING_KYC);
    }

    /**
     * A merchant as the API shows it.
     *
     * @param id the merchant's id (unique across sites; another site's id answers 404)
     * @param name the merchant's name
     * @param documents the KYC documents submitted
     * @param missingDocuments the KYC documents the site still requires
     * @param status {@value #PENDING_KYC} while documents are missing, else {@value #VERIFIED}
     */
    record MerchantView(long id, String name, List<String> documents, List<String> missingDocuments, String status) {

        static final String PENDING_KYC = "pending-kyc";
        static final String VERIFIED = "verified";
    }
}
