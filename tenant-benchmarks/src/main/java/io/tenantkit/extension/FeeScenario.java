package io.tenantkit.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

/**
 * The tenants of the dispatch benchmarks and where each one's fee is found. {@code global} is the root;
 * regions {@code apac} and {@code amer} are INACTIVE groups; {@code jp} has its own implementation (found
 * at the tenant level), {@code sg} in {@code apac} inherits the region's, {@code us} in {@code amer}
 * (which has none) falls through to the global default.
 */
final class FeeScenario {

    /** The snapshot all variants dispatch over. */
    static final TenantSnapshot TENANTS = TenantSnapshot.of(
            Tenant.builder("global").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("apac").parent("global").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("amer").parent("global").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("jp").parent("apac").currency("JPY").build(),
            Tenant.builder("sg").parent("apac").currency("SGD").build(),
            Tenant.builder("us").parent("amer").currency("USD").build());

    /** Implementations bound below the global level. */
    private static final Map<TenantId, FeeCalculator> BINDINGS = Map.of(
            TenantId.of("jp"), Fees.JP,
            TenantId.of("apac"), Fees.APAC);

    private FeeScenario() {
    }

    /**
     * The tenant whose fee is found at {@code level}: {@code tenant} gives jp, {@code region} sg,
     * {@code global} us.
     */
    static Tenant tenantAnsweredAt(String level) {
        return TENANTS.require(TenantId.of(switch (level) {
            case "tenant" -> "jp";
            case "region" -> "sg";
            case "global" -> "us";
            default -> throw new IllegalArgumentException("Unknown level '" + level + "'; use tenant, region or global.");
        }));
    }

    /** The nearest implementation for each tenant index: the first binding up its parent chain, else the default. */
    static FeeCalculator[] nearestByIndex() {
        FeeCalculator[] table = new FeeCalculator[TENANTS.size()];
        for (int i = 0; i < table.length; i++) {
            table[i] = chain(i).get(0);
        }
        return table;
    }

    /** Every implementation up each tenant's parent chain, nearest first, the default last. */
    static FeeCalculator[][] chainByIndex() {
        FeeCalculator[][] table = new FeeCalculator[TENANTS.size()][];
        for (int i = 0; i < table.length; i++) {
            table[i] = chain(i).toArray(FeeCalculator[]::new);
        }
        return table;
    }

    private static List<FeeCalculator> chain(int index) {
        List<FeeCalculator> chain = new ArrayList<>();
        for (Tenant t : TENANTS.lineage(TENANTS.all().get(index).id())) {
            FeeCalculator bound = BINDINGS.get(t.id());
            if (bound != null) {
                chain.add(bound);
            }
        }
        chain.add(Fees.GLOBAL);
        return chain;
    }
}
