package io.tenantkit.extension;

import java.util.List;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.jspecify.annotations.Nullable;

/** Tenants and implementations shared by the extension tests. */
final class Fixtures {

    private Fixtures() {
    }

    static final Tenant APAC = Tenant.builder("apac").status(TenantStatus.INACTIVE).build();
    static final Tenant JP = Tenant.builder("jp").parent("apac").build();
    static final Tenant KR = Tenant.builder("kr").parent("apac").build();
    static final Tenant US = Tenant.builder("us").build();

    /** jp and kr under the inactive region apac, and us without a parent. */
    static TenantRegistry tenants() {
        return TenantRegistry.of(APAC, JP, KR, US);
    }

    static Fee fee(String name, long percent) {
        return new Fee(name, percent);
    }

    static class Fee implements FeePolicy {

        private final String name;
        private final long percent;

        Fee(String name, long percent) {
            this.name = name;
            this.percent = percent;
        }

        @Override
        public long fee(long amount) {
            return amount * percent / 100;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static class Kyc implements TestPoints.KycPolicy {

        private final List<String> documents;
        private final @Nullable String blocked;

        Kyc(@Nullable String blocked, String... documents) {
            this.documents = List.of(documents);
            this.blocked = blocked;
        }

        @Override
        public List<String> documents() {
            return documents;
        }

        @Override
        public boolean blocks(String merchant) {
            return merchant.equals(blocked);
        }

        @Override
        public @Nullable String review(String merchant) {
            return blocked == null ? null : documents.get(0) + " review of " + merchant;
        }

        @Override
        public String toString() {
            return "Kyc" + documents;
        }
    }
}
