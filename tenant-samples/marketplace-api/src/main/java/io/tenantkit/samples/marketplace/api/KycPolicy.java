package io.tenantkit.samples.marketplace.api;

import java.util.List;

import io.tenantkit.extension.ExtensionPoint;

/** Know-your-customer rules: which documents a merchant must submit before selling on the site. */
@ExtensionPoint
public interface KycPolicy {

    /** The documents required, in the order the onboarding form asks for them. */
    List<String> requiredDocuments();
}
