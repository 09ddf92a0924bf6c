package io.tenantkit.samples.marketplace;

import java.math.BigDecimal;

import io.tenantkit.context.TenantContext;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.Tax;
import io.tenantkit.samples.marketplace.api.TaxPolicy;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantFormats;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders/quote}: what an order of an amount in the site's currency costs. The platform fee comes
 * from the site's {@link FeePolicy} (the default one reads {@code marketplace.fees.rate}), the tax from its
 * {@link TaxPolicy}; neither names a country.
 */
@RestController
class QuoteController {

    private static final Logger log = LoggerFactory.getLogger(QuoteController.class);

    private final FeePolicy fees;
    private final TaxPolicy taxes;

    QuoteController(FeePolicy fees, TaxPolicy taxes) {
        this.fees = fees;
        this.taxes = taxes;
    }

    @PostMapping("/api/orders/quote")
    QuoteView quote(@Valid @RequestBody Order order) {
        Tenant site = TenantContext.require();
        BigDecimal amount = Amounts.inCurrencyOf(site, order.amount());
        BigDecimal fee = fees.fee(amount);
        Tax tax = taxes.tax(amount);
        BigDecimal total = amount.add(tax.amount());
        log.info("Quote of {}: fee {}, {} {}", amount.toPlainString(), fee.toPlainString(), tax.name(), tax.amount().toPlainString());
        return new QuoteView(site.id().value(), site.currency().map(c -> c.getCurrencyCode()).orElse(null), amount.toPlainString(),
                fee.toPlainString(), tax.name(), tax.rate().toPlainString(), tax.amount().toPlainString(), total.toPlainString(),
                amount.subtract(fee).toPlainString(), new QuoteView.Display(TenantFormats.money(site, amount),
                        TenantFormats.money(site, fee), TenantFormats.money(site, tax.amount()), TenantFormats.money(site, total)));
    }

    /**
     * An order to quote.
     *
     * @param amount the order's amount in the site's currency, such as {@code "10000"}
     */
    record Order(@NotNull @DecimalMax("1000000000000") BigDecimal amount) {
    }

    /**
     * A quote; amounts are decimal strings in the site's currency, rounded to its minor unit.
     *
     * @param tenant the site
     * @param currency its currency code
     * @param amount the order's amount
     * @param fee the platform fee the merchant pays
     * @param taxName the tax the platform collects ({@code consumption-tax}, {@code vat}, ...; {@code none} by default)
     * @param taxRate its rate, such as {@code 0.10}
     * @param tax the tax on the order
     * @param total what the buyer pays: amount plus tax
     * @param merchantReceives the amount less the fee
     * @param display the amounts formatted for the site's locale and currency
     */
    record QuoteView(String tenant, @Nullable String currency, String amount, String fee, String taxName, String taxRate, String tax,
            String total, String merchantReceives, Display display) {

        /**
         * Amounts formatted for the site.
         *
         * @param amount the order's amount
         * @param fee the fee
         * @param tax the tax
         * @param total the total
         */
        record Display(String amount, String fee, String tax, String total) {
        }
    }
}
