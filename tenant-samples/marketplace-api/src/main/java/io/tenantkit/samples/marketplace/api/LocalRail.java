package io.tenantkit.samples.marketplace.api;

import java.math.BigDecimal;

import io.tenantkit.spring.config.TenantConfiguration;

/**
 * A country's local payout rail as a {@link PayoutChannel}: it carries payouts up to the site's
 * {@code marketplace.payouts.local-rail-limit}. A country module declares one as a bean, which binds it to the
 * module's tenant: {@code @Bean PayoutChannel zengin(TenantConfiguration<PayoutSettings> payouts)}.
 */
public final class LocalRail implements PayoutChannel {

    private final String name;
    private final TenantConfiguration<PayoutSettings> payouts;

    /**
     * A local rail.
     *
     * @param name the rail's name, such as {@code zengin}
     * @param payouts the sites' payout settings, read for the current site on each call
     */
    public LocalRail(String name, TenantConfiguration<PayoutSettings> payouts) {
        this.name = name;
        this.payouts = payouts;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean carries(BigDecimal amount) {
        return amount.compareTo(payouts.current().localRailLimit()) <= 0;
    }
}
