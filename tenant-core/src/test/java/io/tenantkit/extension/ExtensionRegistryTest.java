package io.tenantkit.extension;

import static io.tenantkit.extension.Fixtures.fee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.ExtensionProblem.Kind;
import io.tenantkit.extension.TestPoints.KycPolicy;
import io.tenantkit.extension.TestPoints.PayoutRouter;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantRegistryListener;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;
import io.tenantkit.tenant.UnknownTenantException;

import org.junit.jupiter.api.Test;

class ExtensionRegistryTest {

    private final TenantRegistry tenants = Fixtures.tenants();

    private String feeNameFor(ExtensionRegistry registry, String tenant) {
        Tenant t = tenants.require(TenantId.of(tenant));
        return TenantContext.supplyAs(t, () -> registry.handle(FeePolicy.class).current().name());
    }

    @Test
    void resolutionFallsBackFromTenantToRegionToGlobalDefault() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("apac", 8)).tenants("apac").build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("jp", 5)).tenants("jp").build())
                .build();

        assertThat(feeNameFor(registry, "jp")).isEqualTo("jp");
        assertThat(feeNameFor(registry, "kr")).isEqualTo("apac");
        assertThat(feeNameFor(registry, "us")).isEqualTo("default");
    }

    @Test
    void oneBindingMayServeSeveralTenants() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("asia", 5)).tenants("jp", "kr").build())
                .build();

        assertThat(feeNameFor(registry, "jp")).isEqualTo("asia");
        assertThat(feeNameFor(registry, "kr")).isEqualTo("asia");
        assertThat(feeNameFor(registry, "us")).isEqualTo("default");
    }

    @Test
    void higherPriorityAnswersFirstWithinALevelButNeverBeatsANearerLevel() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default-promo", 0)).priority(100).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("jp", 5)).tenants("jp").build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("jp-promo", 1)).tenants("jp").priority(10).build())
                .build();

        assertThat(feeNameFor(registry, "jp")).isEqualTo("jp-promo");
        assertThat(feeNameFor(registry, "us")).isEqualTo("default-promo");
        Tenant jp = tenants.require(TenantId.of("jp"));
        List<String> chain = TenantContext.supplyAs(jp,
                () -> registry.handle(FeePolicy.class).all().stream().map(FeePolicy::name).toList());
        assertThat(chain).containsExactly("jp-promo", "jp", "default-promo", "default");
    }

    @Test
    void aPointWithoutImplementationForAnActiveTenantIsRejectedNamingPointAndTenants() {
        ExtensionRegistry.Builder builder = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("apac", 8)).tenants("apac").build());

        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(builder::build)
                .withMessage("Invalid extension bindings (1 problem):\n - Extension point io.tenantkit.extension.FeePolicy "
                        + "has no implementation for active tenant us. Bind an implementation to it or to a parent, or add "
                        + "a global default (an implementation bound to no tenant), or declare the point "
                        + "@ExtensionPoint(optional = true).")
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.UNRESOLVED);
                    assertThat(p.point()).isEqualTo(FeePolicy.class);
                    assertThat(p.tenants()).containsExactly(TenantId.of("us"));
                }));
    }

    @Test
    void aDeclaredPointWithNoBindingAtAllIsRejectedForEveryActiveTenant() {
        ExtensionRegistry.Builder builder = ExtensionRegistry.builder(tenants).point(FeePolicy.class);

        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(builder::build)
                .withMessageContaining("has no implementation for active tenants jp, kr, us. Bind an implementation to each of them");
    }

    @Test
    void inactiveAndSuspendedTenantsNeedNoImplementation() {
        TenantRegistry withSuspended = TenantRegistry.of(Fixtures.APAC, Fixtures.JP,
                Tenant.builder("de").status(TenantStatus.SUSPENDED).build());

        ExtensionRegistry registry = ExtensionRegistry.builder(withSuspended)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("apac", 8)).tenants("apac").build())
                .build();

        assertThat(registry.explain(TenantId.of("de"), FeePolicy.class).answer()).isEmpty();
    }

    @Test
    void twoImplementationsAtTheSameLevelAndPriorityAreRejectedNamingBothClasses() {
        ExtensionRegistry.Builder builder = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("jp-a", 5)).tenants("jp").source("module a").build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("jp-b", 6))
                        .tenants("jp").build());

        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(builder::build)
                .withMessage("Invalid extension bindings (1 problem):\n - Extension point io.tenantkit.extension.FeePolicy has "
                        + "two implementations for tenant 'jp' at the same priority 0: io.tenantkit.extension.Fixtures$Fee "
                        + "(module a) and io.tenantkit.extension.Fixtures$Fee. Give one a higher priority "
                        + "(@Extension(priority = ...)) or remove one of them.")
                .satisfies(e -> assertThat(e.problems().get(0).kind()).isEqualTo(Kind.AMBIGUOUS));
    }

    @Test
    void twoGlobalDefaultsAtTheSamePriorityAreRejected() {
        ExtensionRegistry.Builder builder = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("a", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("b", 10)).implementationType(String.class).build());

        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(builder::build)
                .withMessageContaining("has two implementations as the global default at the same priority 0: "
                        + "io.tenantkit.extension.Fixtures$Fee and java.lang.String.");
    }

    @Test
    void aBindingToAnUnknownTenantIsRejectedByDefault() {
        ExtensionRegistry.Builder builder = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("de", 4)).tenants("de").build());

        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(builder::build)
                .withMessage("Invalid extension bindings (1 problem):\n - Implementation io.tenantkit.extension.Fixtures$Fee "
                        + "of extension point io.tenantkit.extension.FeePolicy is bound to tenant 'de', which is not declared "
                        + "(declared: apac, jp, kr, us). Declare the tenant, fix the binding, or choose UnknownTenantPolicy.WARN "
                        + "to ignore such bindings.")
                .satisfies(e -> assertThat(e.problems().get(0).kind()).isEqualTo(Kind.UNKNOWN_TENANT));
    }

    @Test
    void aBindingToAnUnknownTenantIsOnlyAWarningWhenConfigured() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .unknownTenants(UnknownTenantPolicy.WARN)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("de", 4)).tenants("de", "jp").build())
                .build();

        assertThat(registry.warnings()).containsExactly("Implementation io.tenantkit.extension.Fixtures$Fee of extension "
                + "point io.tenantkit.extension.FeePolicy is bound to tenant 'de', which is not declared (declared: apac, "
                + "jp, kr, us). The binding is ignored for 'de'.");
        assertThat(feeNameFor(registry, "jp")).isEqualTo("de");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ExtensionRegistry.Builder builder = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("de", 4)).tenants("de").build())
                .bind(ExtensionBinding.builder(KycPolicy.class, new Fixtures.Kyc(null, "id")).build())
                .bind(ExtensionBinding.builder(KycPolicy.class, new Fixtures.Kyc(null, "passport")).build());

        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(builder::build)
                .satisfies(e -> assertThat(e.problems()).extracting(ExtensionProblem::kind)
                        .containsExactlyInAnyOrder(Kind.UNKNOWN_TENANT, Kind.UNRESOLVED, Kind.AMBIGUOUS))
                .withMessageStartingWith("Invalid extension bindings (3 problems):");
    }

    @Test
    void anOptionalPointNeedsNoImplementation() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .point(PayoutRouter.class)
                .bind(ExtensionBinding.builder(PayoutRouter.class, () -> "MUFG").tenants("jp").build())
                .build();

        assertThat(registry.explain(TenantId.of("us"), PayoutRouter.class).answer()).isEmpty();
        assertThat(registry.explain(TenantId.of("jp"), PayoutRouter.class).answer()).isPresent();
    }

    @Test
    void explainNamesTheAnsweringImplementationAndTheChain() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("apac", 8)).tenants("apac").priority(3).source("site-apac").build())
                .build();

        ExtensionResolution kr = registry.explain(TenantId.of("kr"), FeePolicy.class);

        assertThat(kr.lineage()).containsExactly(TenantId.of("kr"), TenantId.of("apac"));
        assertThat(kr.answer()).get().satisfies(c -> {
            assertThat(c.level()).isEqualTo(TenantId.of("apac"));
            assertThat(((FeePolicy) c.binding().implementation()).name()).isEqualTo("apac");
        });
        assertThat(kr.describe()).isEqualTo("""
                FeePolicy for tenant 'kr' (ACTIVE), chain kr -> apac -> global: io.tenantkit.extension.Fixtures$Fee (site-apac) \
                answers (bound to apac)
                  1. apac: io.tenantkit.extension.Fixtures$Fee (site-apac), priority 3
                  2. global: io.tenantkit.extension.Fixtures$Fee, priority 0""");
        assertThatExceptionOfType(UnknownTenantException.class)
                .isThrownBy(() -> registry.explain(TenantId.of("zz"), FeePolicy.class));
    }

    @Test
    void theMatrixCoversEveryTenantAndPoint() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("jp", 5)).tenants("jp").build())
                .bind(ExtensionBinding.builder(PayoutRouter.class, () -> "MUFG").tenants("jp").build())
                .build();

        ResolutionMatrix matrix = registry.matrix();

        assertThat(matrix.tenants()).extracting(TenantId::value).containsExactly("apac", "jp", "kr", "us");
        assertThat(matrix.points()).containsExactly(FeePolicy.class, PayoutRouter.class);
        assertThat(matrix.resolutions()).hasSize(8);
        assertThat(matrix.get(TenantId.of("jp"), FeePolicy.class).answer()).get()
                .extracting(ExtensionResolution.Candidate::levelName).isEqualTo("jp");
        assertThat(matrix.get(TenantId.of("us"), PayoutRouter.class).answer()).isEmpty();
        assertThat(matrix.toString()).isEqualTo("""
                tenant\tFeePolicy\tPayoutRouter
                apac\tFee@global\t-
                jp\tFee@jp\t%s@jp
                kr\tFee@global\t-
                us\tFee@global\t-""".formatted(matrix.get(TenantId.of("jp"), PayoutRouter.class).answer().orElseThrow()
                .binding().implementationType().getSimpleName()));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> matrix.get(TenantId.of("de"), FeePolicy.class))
                .withMessage("The resolution matrix has no tenant 'de'; tenants [apac, jp, kr, us], points "
                        + "[io.tenantkit.extension.FeePolicy, io.tenantkit.extension.TestPoints$PayoutRouter]");
    }

    @Test
    void tablesAreRebuiltWhenTenantsChange() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .unknownTenants(UnknownTenantPolicy.WARN)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("de", 4)).tenants("de").build())
                .build();

        tenants.update(s -> s.with(Tenant.builder("de").build()));

        assertThat(feeNameFor(registry, "de")).isEqualTo("de");
        assertThat(registry.warnings()).isEmpty();
    }

    @Test
    void aTenantChangeThatBreaksValidationIsVetoedAndChangesNothing() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("apac", 8)).tenants("apac").build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("us", 8)).tenants("us").build())
                .build();

        assertThatExceptionOfType(ExtensionValidationException.class)
                .isThrownBy(() -> tenants.update(s -> s.with(Tenant.builder("de").build())))
                .withMessageContaining("has no implementation for active tenant de.");

        assertThat(tenants.find(TenantId.of("de"))).isEmpty();
        assertThat(feeNameFor(registry, "jp")).isEqualTo("apac");
    }

    @Test
    void bindingChangesRebuildAndABadOneChangesNothing() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build()).build();
        ExtensionBinding<FeePolicy> jp = ExtensionBinding.builder(FeePolicy.class, fee("jp", 5)).tenants("jp").build();

        registry.bind(jp);
        assertThat(feeNameFor(registry, "jp")).isEqualTo("jp");

        assertThatExceptionOfType(ExtensionValidationException.class)
                .isThrownBy(() -> registry.bind(ExtensionBinding.builder(FeePolicy.class, fee("jp-twin", 5)).tenants("jp").build()));
        assertThat(registry.bindings()).hasSize(2);
        assertThat(feeNameFor(registry, "jp")).isEqualTo("jp");

        assertThat(registry.unbind(jp)).isTrue();
        assertThat(registry.unbind(jp)).isFalse();
        assertThat(feeNameFor(registry, "jp")).isEqualTo("default");
    }

    @Test
    void bindingDuringATenantChangeCannotBypassTheVeto() throws Exception {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).bind(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build()).build();
        CountDownLatch inChange = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        // Added after the extension registry's listener: holds the change between that listener's
        // beforeChange (which built the tables for the snapshot without kr) and the swap.
        tenants.addListener(new TenantRegistryListener() {
            @Override
            public void beforeChange(TenantSnapshot current, TenantSnapshot next) {
                inChange.countDown();
                await(proceed);
            }

            @Override
            public void afterChange(TenantSnapshot previous, TenantSnapshot current) {
            }
        });
        ExtensionBinding<FeePolicy> toKr = ExtensionBinding.builder(FeePolicy.class, fee("kr", 7)).tenants("kr").build();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<TenantSnapshot> removeKr = threads.submit(() -> tenants.update(s -> s.without(TenantId.of("kr"))));
            await(inChange);
            AtomicReference<Thread> binder = new AtomicReference<>();
            Future<?> bindToKr = threads.submit(() -> {
                binder.set(Thread.currentThread());
                registry.bind(toKr);   // valid for the snapshot before the change only
            });
            // Let the change go on once the bind is done (it slipped in) or waits for the change to end.
            while (!bindToKr.isDone() && (binder.get() == null || binder.get().getState() != Thread.State.BLOCKED)) {
                Thread.onSpinWait();
            }
            proceed.countDown();

            assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> bindToKr.get(10, TimeUnit.SECONDS))
                    .havingCause().isInstanceOf(ExtensionValidationException.class)
                    .withMessageContaining("Implementation io.tenantkit.extension.Fixtures$Fee of extension point "
                            + "io.tenantkit.extension.FeePolicy is bound to tenant 'kr', which is not declared "
                            + "(declared: apac, jp, us).");
            assertThat(removeKr.get(10, TimeUnit.SECONDS).find(TenantId.of("kr"))).isEmpty();
        } finally {
            proceed.countDown();
            threads.shutdownNow();
        }
        assertThat(registry.bindings()).doesNotContain(toKr);
        assertThat(registry.matrix().tenants()).as("the tables follow the tenant registry's snapshot")
                .containsExactly(TenantId.of("apac"), TenantId.of("jp"), TenantId.of("us"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aClosedRegistryNoLongerFollowsTheTenantRegistry() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("us", 8)).tenants("us").build())
                .bind(ExtensionBinding.builder(FeePolicy.class, fee("apac", 8)).tenants("apac").build())
                .build();

        registry.close();
        tenants.update(s -> s.with(Tenant.builder("de").build()));

        assertThat(tenants.find(TenantId.of("de"))).isPresent();
    }

    @Test
    void bindingsAreReadFromExtensionAnnotations() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bindAll(ExtensionBinding.annotated(new AnnotatedDefault()).build()).bindAll(ExtensionBinding.annotated(new AnnotatedJp()).build()).bindAll(ExtensionBinding.annotated(new AnnotatedJpPromo()).build())
                .build();

        assertThat(feeNameFor(registry, "jp")).isEqualTo("jp-promo");
        assertThat(feeNameFor(registry, "us")).isEqualTo("annotated-default");
    }

    @Test
    void aRegistryWithoutBindingsFailsClosedUntilBindingsArrive() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).build();
        ExtensionHandle<FeePolicy> handle = registry.handle(FeePolicy.class);
        Tenant jp = tenants.require(TenantId.of("jp"));

        assertThatExceptionOfType(ExtensionResolutionException.class)
                .isThrownBy(() -> TenantContext.runAs(jp, handle::current))
                .withMessageStartingWith("Extension point io.tenantkit.extension.FeePolicy was called for tenant 'jp' before "
                        + "any implementation was bound");
        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(() -> registry.bindAll(List.of()))
                .withMessageContaining("FeePolicy has no implementation for active tenants jp, kr, us.");

        registry.bindAll(List.of(ExtensionBinding.builder(FeePolicy.class, fee("default", 10)).build()));

        assertThat(TenantContext.supplyAs(jp, () -> handle.current().name())).isEqualTo("default");
    }

    @Test
    void onlyAnnotatedInterfacesAreExtensionPoints() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants).build();

        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> registry.handle(Runnable.class))
                .withMessage("java.lang.Runnable is not an extension point: extension points are interfaces annotated "
                        + "@io.tenantkit.extension.ExtensionPoint; annotate it or use such an interface.");
    }

    @Extension
    static final class AnnotatedDefault extends Fixtures.Fee {
        AnnotatedDefault() {
            super("annotated-default", 10);
        }
    }

    @Extension(tenants = "jp")
    static final class AnnotatedJp extends Fixtures.Fee {
        AnnotatedJp() {
            super("jp", 5);
        }
    }

    @Extension(tenants = "jp", priority = 1)
    static final class AnnotatedJpPromo extends Fixtures.Fee {
        AnnotatedJpPromo() {
            super("jp-promo", 1);
        }
    }
}
