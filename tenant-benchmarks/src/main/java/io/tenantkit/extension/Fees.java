package io.tenantkit.extension;

/**
 * The three implementations of {@link FeeCalculator}: one bound to tenant {@code jp}, one to the region
 * {@code apac}, one the global default, as their {@link Extension} annotations say. COLA's copies in
 * {@link ColaFees} compute the same.
 */
final class Fees {

    /** Bound to tenant {@code jp}: 3 %. */
    static final FeeCalculator JP = new Jp();
    /** Bound to region {@code apac}: 4 %. */
    static final FeeCalculator APAC = new Apac();
    /** The global default: 5 %. */
    static final FeeCalculator GLOBAL = new Global();

    private Fees() {
    }

    @Extension(tenants = "jp")
    static final class Jp implements FeeCalculator {
        @Override
        public long fee(long amount) {
            return amount * 3 / 100;
        }
    }

    @Extension(tenants = "apac")
    static final class Apac implements FeeCalculator {
        @Override
        public long fee(long amount) {
            return amount * 4 / 100;
        }
    }

    @Extension
    static final class Global implements FeeCalculator {
        @Override
        public long fee(long amount) {
            return amount * 5 / 100;
        }
    }
}
