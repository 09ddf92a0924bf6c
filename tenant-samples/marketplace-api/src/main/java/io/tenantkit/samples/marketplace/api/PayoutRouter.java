package io.tenantkit.samples.marketplace.api;

import io.tenantkit.extension.ExtensionPoint;

/**
 * The payment rail merchant payouts go through. Optional: a site without a local rail has none,
 * and shared code falls back to an international transfer ({@code ExtensionHandle.currentOrNull()}).
 */
@ExtensionPoint(optional = true)
public interface PayoutRouter {

    /** The rail's name, such as {@code zengin} or {@code ach}. */
    String rail();
}
