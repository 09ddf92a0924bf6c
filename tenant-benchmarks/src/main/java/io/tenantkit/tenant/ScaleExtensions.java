package io.tenantkit.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tenantkit.extension.ExtensionBinding;
import io.tenantkit.extension.ExtensionPoint;
import io.tenantkit.extension.ExtensionRegistry;

/**
 * Extension bindings for the scale tenants of {@link ScaleTenants}, shaped like a marketplace with
 * country modules: three extension points, each with a global default; the fee point also bound per
 * region; the KYC point bound by a country module for every tenth site.
 */
final class ScaleExtensions {

    /** The number of extension points. */
    static final int POINTS = 3;

    private ScaleExtensions() {
    }

    /** The fee on an order. */
    @ExtensionPoint
    interface Fee {
        long fee(long amount);
    }

    /** The KYC documents a merchant submits. */
    @ExtensionPoint
    interface Kyc {
        List<String> documents();
    }

    /** The payout rail. */
    @ExtensionPoint
    interface Payout {
        String rail();
    }

    /** The bindings for {@code sites} sites: 3 global, 8 per region, one per tenth site. */
    static List<ExtensionBinding<?>> bindings(int sites) {
        List<ExtensionBinding<?>> bindings = new ArrayList<>();
        bindings.add(ExtensionBinding.builder(Fee.class, amount -> amount * 5 / 100).build());
        bindings.add(ExtensionBinding.builder(Kyc.class, () -> List.of("government-id")).build());
        bindings.add(ExtensionBinding.builder(Payout.class, () -> "international-wire").build());
        for (int r = 0; r < ScaleTenants.REGIONS; r++) {
            int percent = 2 + r % 4;
            bindings.add(ExtensionBinding.builder(Fee.class, amount -> amount * percent / 100).tenants("region-" + r).build());
        }
        for (int i = 0; i < sites; i += 10) {
            String site = String.format(Locale.ROOT, "site-%05d", i);
            List<String> documents = List.of("national-id-" + i);
            bindings.add(ExtensionBinding.builder(Kyc.class, () -> documents).tenants(site).build());
        }
        return bindings;
    }

    /** Builds and validates the dispatch tables of every point over {@code tenants}. */
    static ExtensionRegistry registry(TenantRegistry tenants, int sites) {
        return ExtensionRegistry.builder(tenants).bindAll(bindings(sites)).build();
    }
}
