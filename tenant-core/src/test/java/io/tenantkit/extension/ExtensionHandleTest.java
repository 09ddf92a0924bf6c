package io.tenantkit.extension;

import static io.tenantkit.extension.Fixtures.fee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.TestPoints.KycPolicy;
import io.tenantkit.extension.TestPoints.PayoutRouter;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;

class ExtensionHandleTest {

    private final TenantRegistry tenants = Fixtures.tenants();
    private final List<String> asked = new ArrayList<>();

    // us: global only; jp: jp, apac, global; kr: apac, global
    private final ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
            .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
            .bind(ExtensionBinding.builder(KycPolicy.class, kyc(null, "id")).build())
            .bind(ExtensionBinding.builder(KycPolicy.class, kyc("shady-apac", "address")).tenants("apac").build())
            .bind(ExtensionBinding.builder(KycPolicy.class, kyc("shady-jp", "my-number")).tenants("jp").build())
            .bind(ExtensionBinding.builder(PayoutRouter.class, () -> "MUFG").tenants("jp").build())
            .build();
    private final ExtensionHandle<KycPolicy> kyc = registry.handle(KycPolicy.class);

    private Fixtures.Kyc kyc(String blocked, String document) {
        return new Fixtures.Kyc(blocked, document) {
            @Override
            public boolean blocks(String merchant) {
                asked.add(document);
                return super.blocks(merchant);
            }

            @Override
            public String review(String merchant) {
                asked.add(document);
                return super.review(merchant);
            }
        };
    }

    private Tenant tenant(String id) {
        return tenants.require(TenantId.of(id));
    }

    @Test
    void currentIsTheFirstOfTheChain() {
        assertThat(TenantContext.supplyAs(tenant("jp"), () -> kyc.current().documents())).containsExactly("my-number");
        assertThat(TenantContext.supplyAs(tenant("kr"), () -> kyc.current().documents())).containsExactly("address");
        assertThat(TenantContext.supplyAs(tenant("us"), () -> kyc.current().documents())).containsExactly("id");
    }

    @Test
    void allListsTheChainNearestFirst() {
        List<String> docs = TenantContext.supplyAs(tenant("jp"),
                () -> kyc.all().stream().flatMap(k -> k.documents().stream()).toList());

        assertThat(docs).containsExactly("my-number", "address", "id");
        assertThat(TenantContext.supplyAs(tenant("jp"), () -> kyc.all())).isSameAs(TenantContext.supplyAs(tenant("jp"), () -> kyc.all()));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> TenantContext.runAs(tenant("jp"), () -> kyc.all().clear()));
    }

    @Test
    void firstNonNullStopsAtTheFirstAnswer() {
        String review = TenantContext.supplyAs(tenant("jp"), () -> kyc.<String>firstNonNull(k -> k.review("m1")));

        assertThat(review).isEqualTo("my-number review of m1");
        assertThat(asked).containsExactly("my-number");
        String none = TenantContext.supplyAs(tenant("us"), () -> kyc.<String>firstNonNull(k -> k.review("m1")));
        assertThat(none).isNull();
    }

    @Test
    void anyMatchStopsAtTheFirstMatch() {
        boolean blocked = TenantContext.supplyAs(tenant("jp"), () -> kyc.anyMatch(k -> k.blocks("shady-apac")));

        assertThat(blocked).isTrue();
        assertThat(asked).containsExactly("my-number", "address");
        assertThat(TenantContext.supplyAs(tenant("us"), () -> kyc.anyMatch(k -> k.blocks("shady-apac")))).isFalse();
    }

    @Test
    void allMatchStopsAtTheFirstMiss() {
        boolean clean = TenantContext.supplyAs(tenant("jp"), () -> kyc.allMatch(k -> !k.blocks("shady-jp")));

        assertThat(clean).isFalse();
        assertThat(asked).containsExactly("my-number");
        assertThat(TenantContext.supplyAs(tenant("kr"), () -> kyc.allMatch(k -> !k.blocks("shady-jp")))).isTrue();
    }

    @Test
    void aCustomReducerCombinesTheChain() {
        ExtensionReducer<KycPolicy, List<String>> allDocuments =
                chain -> chain.stream().flatMap(k -> k.documents().stream()).distinct().toList();

        assertThat(TenantContext.supplyAs(tenant("kr"), () -> kyc.reduce(allDocuments))).containsExactly("address", "id");
    }

    @Test
    void everyCallFailsClosedWithoutATenant() {
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(kyc::current)
                .withMessageContaining("but extension point io.tenantkit.extension.TestPoints$KycPolicy needs one");
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(kyc::all);
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(kyc::currentOrNull);
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> kyc.anyMatch(k -> true));
        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> kyc.reduce(List::size));
    }

    @Test
    void anOptionalPointWithoutImplementationFailsClosedOnCurrentOnly() {
        ExtensionHandle<PayoutRouter> payouts = registry.handle(PayoutRouter.class);

        TenantContext.runAs(tenant("us"), () -> {
            assertThatExceptionOfType(ExtensionResolutionException.class).isThrownBy(payouts::current)
                    .withMessage("Extension point io.tenantkit.extension.TestPoints$PayoutRouter has no implementation for "
                            + "tenant 'us' (ACTIVE, the point is optional). Bind one to 'us' or to one of its parents, or add "
                            + "a global default (an implementation bound to no tenant), or use currentOrNull()/all() where "
                            + "absence is expected.");
            assertThat(payouts.currentOrNull()).isNull();
            assertThat(payouts.all()).isEmpty();
            assertThat(payouts.allMatch(p -> false)).isTrue();
            assertThat(payouts.reduce(List<PayoutRouter>::size)).isZero();
        });
        assertThat(TenantContext.supplyAs(tenant("jp"), () -> payouts.current().bank())).isEqualTo("MUFG");
    }

    @Test
    void aTenantUnknownToTheTableFailsClosedInsteadOfBorrowingAnotherTenantsImplementation() {
        Tenant stranger = Tenant.builder("de").build();

        assertThatExceptionOfType(ExtensionResolutionException.class)
                .isThrownBy(() -> TenantContext.runAs(stranger, kyc::current))
                .withMessageStartingWith("Tenant 'de' is not declared in the tenant snapshot extension point "
                        + "io.tenantkit.extension.TestPoints$KycPolicy answers from");
        assertThatExceptionOfType(ExtensionResolutionException.class)
                .isThrownBy(() -> TenantContext.runAs(stranger, kyc::all));
    }

    @Test
    void aTenantFromAnotherSnapshotIsFoundById() {
        Tenant copyOfJp = Tenant.builder("jp").parent("apac").build();

        assertThat(TenantContext.supplyAs(copyOfJp, () -> kyc.current().documents())).containsExactly("my-number");
    }

    @Test
    void aSuspendedTenantWithoutImplementationFailsClosedNamingItsStatus() {
        TenantRegistry withSuspended = TenantRegistry.of(Fixtures.APAC, Tenant.builder("jp").parent("apac").build(),
                Tenant.builder("de").status(TenantStatus.SUSPENDED).build());
        ExtensionHandle<FeePolicy> fees = ExtensionRegistry.builder(withSuspended)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("apac", 8)).tenants("apac").build()).build().handle(FeePolicy.class);

        assertThatExceptionOfType(ExtensionResolutionException.class)
                .isThrownBy(() -> TenantContext.runAs(withSuspended.require(TenantId.of("de")), fees::current))
                .withMessageStartingWith("Extension point io.tenantkit.extension.FeePolicy has no implementation for tenant 'de' (SUSPENDED).");
    }

    @Test
    void forTenantIgnoresTheCurrentTenant() {
        ExtensionHandle<KycPolicy> handle = registry.handle(KycPolicy.class);

        assertThat(handle.forTenant(tenant("kr")).documents()).containsExactly("address");
        assertThat(TenantContext.supplyAs(tenant("jp"), () -> handle.forTenant(tenant("us")).documents())).containsExactly("id");
    }

    @Test
    void aHandleIsCreatedOncePerPoint() {
        assertThat(registry.handle(KycPolicy.class)).isSameAs(kyc);
        assertThat(kyc.point()).isEqualTo(KycPolicy.class);
    }
}
