package io.tenantkit.samples.marketplace;

import java.math.BigDecimal;
import java.util.Currency;

import io.tenantkit.tenant.Tenant;

import org.springframework.http.HttpStatus;

/** Checks an amount a client sent against the site's currency: positive, and no finer than its minor unit. */
final class Amounts {

    private Amounts() {
    }

    /** {@code amount}, or a 400 problem when it is not positive or has more decimals than the site's currency allows. */
    static BigDecimal inCurrencyOf(Tenant site, BigDecimal amount) {
        int digits = site.currency().map(Currency::getDefaultFractionDigits).filter(d -> d >= 0).orElse(2);
        String code = site.currency().map(Currency::getCurrencyCode).orElse("the site's currency");
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > digits) {
            throw Problems.problem(HttpStatus.BAD_REQUEST, "invalid-amount", "Invalid amount", "Amount " + amount.toPlainString()
                    + " is not a positive amount in " + code + " (at most " + digits + " decimals) for site '" + site.id() + "'.");
        }
        return amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount;
    }
}
