package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenant separation of the sample's merchants, enforced by Hibernate's {@code @TenantId} discriminator with the
 * starter's resolver, through the sample's own repository on its real H2 database: a merchant created under jp is
 * invisible, unchangeable and undeletable under us, through finders, merges and bulk JPQL alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MerchantSeparationTests {

    @Autowired
    MerchantRepository merchants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TenantRegistry tenants;

    @Test
    void aJpMerchantIsInvisibleUnderUs() {
        long id = as("jp", () -> merchants.save(new Merchant("Acme KK", List.of())).id());

        assertThat(as("us", () -> merchants.findById(id))).isEmpty();
        assertThat(as("us", () -> merchants.findAllInOrder())).extracting(Merchant::id).doesNotContain(id);
        assertThat(as("us", () -> merchants.existsById(id))).isFalse();
        assertThat(as("jp", () -> merchants.findById(id))).hasValueSatisfying(m -> assertThat(m.tenant()).isEqualTo("jp"));
    }

    @Test
    void bulkJpqlUpdatesAndDeletesUnderUsDoNotTouchIt() {
        long id = as("jp", () -> merchants.save(new Merchant("Acme KK", List.of())).id());

        assertThat(as("us", () -> merchants.rename(id, "taken"))).isZero();
        assertThat(as("us", () -> merchants.deleteInBulk(id))).isZero();
        as("us", () -> {
            merchants.deleteById(id);
            merchants.deleteAll();
            return null;
        });

        assertThat(as("jp", () -> merchants.findById(id))).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Acme KK"));
    }

    @Test
    void aJpMerchantCannotBeSavedOverUnderUs() {
        Merchant jps = as("jp", () -> merchants.save(new Merchant("Acme KK", List.of())));

        assertThatThrownBy(() -> as("us", () -> merchants.save(jps))).isInstanceOf(RuntimeException.class);
        assertThat(as("jp", () -> merchants.findById(jps.id()))).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Acme KK"));
    }

    @Test
    void underJpTheSameStatementsDoChangeIt() {
        long id = as("jp", () -> merchants.save(new Merchant("Acme KK", List.of())).id());

        assertThat(as("jp", () -> merchants.rename(id, "Acme Japan KK"))).isOne();
        assertThat(as("jp", () -> merchants.findById(id))).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Acme Japan KK"));
        assertThat(as("jp", () -> merchants.deleteInBulk(id))).isOne();
    }

    @Test
    void withoutATenantTheRepositoryFailsClosed() {
        assertThatThrownBy(() -> transactions.execute(status -> merchants.count()))
                .satisfies(e -> assertThat(causes(e)).anyMatch(MissingTenantException.class::isInstance));
    }

    private <T> T as(String tenant, Supplier<T> work) {
        Tenant site = tenants.require(TenantId.of(tenant));
        return TenantContext.supplyAs(site, () -> transactions.execute(status -> work.get()));
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
