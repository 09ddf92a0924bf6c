package io.tenantkit.samples.site.jp;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.FeeSettings;
import io.tenantkit.spring.config.TenantConfiguration;

/** jp's {@code marketplace.fees.rate} (3.6%, in tenants/jp/tenant.yml) of the order in whole yen, plus consumption tax on the fee. */
final class JpFeePolicy implements FeePolicy {

    private final ConsumptionTax consumptionTax;
    private final TenantConfiguration<FeeSettings> fees;

    JpFeePolicy(ConsumptionTax consumptionTax, TenantConfiguration<FeeSettings> fees) {
        this.consumptionTax = consumptionTax;
        this.fees = fees;
    }

    @Override
    public BigDecimal fee(BigDecimal amount) {
        BigDecimal fee = amount.multiply(fees.current().rate()).setScale(0, RoundingMode.DOWN);
        return fee.add(consumptionTax.on(fee));
    }
}
