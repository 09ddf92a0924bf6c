package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class TenantSnapshotTest {

    static final Tenant APAC = Tenant.builder("apac").status(TenantStatus.INACTIVE).build();
    static final Tenant JP = Tenant.builder("jp").parent("apac").build();
    static final Tenant US = Tenant.builder("us").build();
    static final Tenant DE = Tenant.builder("de").status(TenantStatus.SUSPENDED).build();

    @Test
    void tenantsGetDenseIndexesInDeclarationOrder() {
        TenantSnapshot snapshot = TenantSnapshot.of(APAC, JP, US, DE);

        assertThat(snapshot.size()).isEqualTo(4);
        assertThat(snapshot.indexOf(TenantId.of("apac"))).isZero();
        assertThat(snapshot.indexOf(TenantId.of("jp"))).isEqualTo(1);
        assertThat(snapshot.indexOf(TenantId.of("de"))).isEqualTo(3);
        assertThat(snapshot.indexOf(TenantId.of("fr"))).isEqualTo(-1);
        assertThat(snapshot.get(2)).isEqualTo(US);
        assertThat(snapshot.all()).containsExactly(APAC, JP, US, DE);
    }

    @Test
    void activeListsOnlyActiveTenants() {
        assertThat(TenantSnapshot.of(APAC, JP, US, DE).active()).containsExactly(JP, US);
    }

    @Test
    void lineageFollowsTheParentChainNearestFirst() {
        Tenant global = Tenant.builder("global").status(TenantStatus.INACTIVE).build();
        Tenant apac = APAC.toBuilder().parent("global").build();
        TenantSnapshot snapshot = TenantSnapshot.of(global, apac, JP);

        assertThat(snapshot.lineage(TenantId.of("jp"))).extracting(t -> t.id().value())
                .containsExactly("jp", "apac", "global");
        assertThat(snapshot.parentIndexOf(snapshot.indexOf(TenantId.of("jp")))).isEqualTo(1);
        assertThat(snapshot.parentIndexOf(0)).isEqualTo(-1);
    }

    @Test
    void indexOfTenantUsesTheSnapshotsOwnInstanceOrFallsBackToTheId() {
        TenantSnapshot first = TenantSnapshot.of(APAC, JP, US);
        TenantSnapshot second = TenantSnapshot.of(US, APAC, JP);
        Tenant jpFromFirst = first.require(TenantId.of("jp"));

        assertThat(first.indexOf(jpFromFirst)).isEqualTo(1);
        assertThat(second.indexOf(jpFromFirst)).isEqualTo(2);
        assertThat(second.indexOf(Tenant.builder("fr").build())).isEqualTo(-1);
        assertThat(first.indexOf(JP)).isEqualTo(1);
    }

    @Test
    void duplicateIdsAreRejectedNamingTheTenant() {
        assertThatExceptionOfType(TenantDeclarationException.class)
                .isThrownBy(() -> TenantSnapshot.of(US, Tenant.builder("us").name("USA").build()))
                .withMessageStartingWith("Tenant 'us' is declared twice")
                .withMessageEndingWith("merge the two declarations.")
                .satisfies(e -> assertThat(e.kind()).isEqualTo(TenantDeclarationException.Kind.DUPLICATE_ID))
                .satisfies(e -> assertThat(e.tenants()).containsExactly(TenantId.of("us")));
    }

    @Test
    void undeclaredParentIsRejectedNamingTenantAndParent() {
        assertThatExceptionOfType(TenantDeclarationException.class).isThrownBy(() -> TenantSnapshot.of(JP, US))
                .withMessage("Tenant 'jp' names parent 'apac', which is not declared. Declare tenant 'apac' "
                        + "(status INACTIVE if it is only a region or group) or fix the parent of 'jp'.")
                .satisfies(e -> assertThat(e.kind()).isEqualTo(TenantDeclarationException.Kind.UNDECLARED_PARENT))
                .satisfies(e -> assertThat(e.tenants()).containsExactly(TenantId.of("jp"), TenantId.of("apac")));
    }

    @Test
    void parentCycleIsRejectedShowingTheCycle() {
        Tenant a = Tenant.builder("a").parent("b").build();
        Tenant b = Tenant.builder("b").parent("c").build();
        Tenant c = Tenant.builder("c").parent("a").build();
        Tenant leaf = Tenant.builder("leaf").parent("a").build();

        assertThatExceptionOfType(TenantDeclarationException.class).isThrownBy(() -> TenantSnapshot.of(leaf, a, b, c))
                .withMessageStartingWith("Tenant parents form a cycle: a -> b -> c -> a.")
                .satisfies(e -> assertThat(e.kind()).isEqualTo(TenantDeclarationException.Kind.PARENT_CYCLE))
                .satisfies(e -> assertThat(e.tenants()).extracting(TenantId::value).containsExactly("a", "b", "c", "a"));
    }

    @Test
    void requireOfUnknownIdListsDeclaredTenants() {
        TenantSnapshot snapshot = TenantSnapshot.of(APAC, JP, US);

        assertThatExceptionOfType(UnknownTenantException.class).isThrownBy(() -> snapshot.require(TenantId.of("fr")))
                .withMessage("Unknown tenant 'fr'. Declared tenants: apac, jp, us. Declare it in the registry's snapshot or fix the id.")
                .satisfies(e -> assertThat(e.tenantId()).isEqualTo(TenantId.of("fr")));
        assertThat(snapshot.find(TenantId.of("fr"))).isEmpty();
        assertThat(snapshot.findOrNull(TenantId.of("us"))).isEqualTo(US);
    }

    @Test
    void withReplacesInPlaceOrAppendsAndWithoutRemoves() {
        TenantSnapshot snapshot = TenantSnapshot.of(APAC, JP, US);
        Tenant suspendedUs = US.toBuilder().status(TenantStatus.SUSPENDED).build();

        TenantSnapshot replaced = snapshot.with(suspendedUs);
        TenantSnapshot appended = snapshot.with(DE);
        TenantSnapshot removed = snapshot.without(TenantId.of("us"));

        assertThat(replaced.indexOf(TenantId.of("us"))).isEqualTo(2);
        assertThat(replaced.require(TenantId.of("us")).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(appended.all()).containsExactly(APAC, JP, US, DE);
        assertThat(removed.all()).containsExactly(APAC, JP);
        assertThat(snapshot.all()).containsExactly(APAC, JP, US);
        assertThatExceptionOfType(TenantDeclarationException.class).isThrownBy(() -> snapshot.without(TenantId.of("apac")))
                .withMessageContaining("Tenant 'jp' names parent 'apac'");
    }

    @Test
    void emptySnapshotHasNoTenants() {
        assertThat(TenantSnapshot.of(List.of())).isSameAs(TenantSnapshot.empty());
        assertThat(TenantSnapshot.empty().size()).isZero();
        assertThatExceptionOfType(UnknownTenantException.class)
                .isThrownBy(() -> TenantSnapshot.empty().require(TenantId.of("jp")))
                .withMessageContaining("Declared tenants: none.");
    }
}
