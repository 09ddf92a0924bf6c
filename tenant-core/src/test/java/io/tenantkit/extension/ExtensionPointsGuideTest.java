package io.tenantkit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;

/**
 * The examples of docs/extension-points.md, compiled and run; the guide shows exactly the code
 * between the {@code tag::name[]} and {@code end::name[]} markers (checked by DocsSnippetsTest).
 */
class ExtensionPointsGuideTest {

    // tag::declare[]
    @ExtensionPoint
    public interface ShippingFee {
        BigDecimal fee(BigDecimal weightKg);
    }
    // end::declare[]

    // tag::optional[]
    @ExtensionPoint(optional = true)
    public interface LocalPayoutRail {
        String rail();
    }
    // end::optional[]

    static final class PerKg implements ShippingFee {
        private final BigDecimal perKg;

        PerKg(String perKg) {
            this.perKg = new BigDecimal(perKg);
        }

        @Override
        public BigDecimal fee(BigDecimal weightKg) {
            return weightKg.multiply(perKg).setScale(2, RoundingMode.HALF_UP);
        }
    }

    // tag::annotation[]
    @Extension(tenants = "jp", priority = 10)
    static final class JpSummerShipping implements ShippingFee {
        @Override
        public BigDecimal fee(BigDecimal weightKg) {
            return BigDecimal.ZERO;   // free shipping campaign
        }
    }
    // end::annotation[]

    // tag::registry[]
    TenantRegistry tenants = TenantRegistry.of(
            Tenant.builder("apac").status(TenantStatus.INACTIVE).build(),
            Tenant.builder("jp").parent("apac").build(),
            Tenant.builder("kr").parent("apac").build(),
            Tenant.builder("us").build());

    ExtensionRegistry extensions = ExtensionRegistry.builder(tenants)
            .bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("4.00")).build())                  // global default
            .bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("2.50")).tenants("apac").build())  // region
            .bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("1.80")).tenants("jp").build())    // country
            .bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("1.20"))
                    .tenants("kr").priority(5).source("kr promotion").build())
            .build();
    // end::registry[]

    Tenant jp = tenants.require(TenantId.of("jp"));
    Tenant kr = tenants.require(TenantId.of("kr"));
    Tenant us = tenants.require(TenantId.of("us"));

    @Test
    void callingThroughAHandleOrARouter() {
        // tag::call[]
        ExtensionHandle<ShippingFee> shipping = extensions.handle(ShippingFee.class);   // keep it in a field
        ShippingFee router = ExtensionRouters.create(shipping);                          // a plain ShippingFee

        try (var scope = TenantContext.enter(jp)) {
            assertThat(shipping.current().fee(BigDecimal.TEN)).isEqualByComparingTo("18.00");  // jp's own
            assertThat(router.fee(BigDecimal.TEN)).isEqualByComparingTo("18.00");
        }
        TenantContext.runAs(us, () ->
                assertThat(router.fee(BigDecimal.TEN)).isEqualByComparingTo("40.00"));          // global default
        // end::call[]
        assertThat(TenantContext.supplyAs(kr, () -> router.fee(BigDecimal.TEN))).isEqualByComparingTo("12.00");
        assertThat(ExtensionRouters.isGenerated(router)).isTrue();
    }

    @Test
    void bindingByAnnotation() {
        // tag::bind-annotated[]
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("4.00")).build())
                .bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("1.80")).tenants("jp").build())
                .bindAll(ExtensionBinding.annotated(new JpSummerShipping()).build())     // jp, priority 10: wins over priority 0
                .build();
        // end::bind-annotated[]
        assertThat(TenantContext.supplyAs(jp, () -> registry.handle(ShippingFee.class).current().fee(BigDecimal.TEN))).isZero();
    }

    @Test
    void combiningSeveralImplementations() {
        ExtensionHandle<ShippingFee> shipping = extensions.handle(ShippingFee.class);
        TenantContext.runAs(kr, () -> {
            // tag::combine[]
            List<ShippingFee> chain = shipping.all();   // kr promotion, apac, global default
            BigDecimal cheapest = shipping.reduce(fees -> fees.stream()
                    .map(f -> f.fee(BigDecimal.ONE)).min(BigDecimal::compareTo).orElseThrow());
            boolean anyFree = shipping.anyMatch(f -> f.fee(BigDecimal.ONE).signum() == 0);   // stops at the first match
            // end::combine[]
            assertThat(chain).hasSize(3);
            assertThat(cheapest).isEqualByComparingTo("1.20");
            assertThat(anyFree).isFalse();
        });
    }

    @Test
    void validationNamesWhatIsMissing() {
        // tag::validate[]
        ExtensionRegistry.Builder noDefault = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("2.50")).tenants("apac").build());

        assertThatExceptionOfType(ExtensionValidationException.class).isThrownBy(noDefault::build)
                .withMessageContaining("ShippingFee has no implementation for active tenant us. Bind an implementation "
                        + "to it or to a parent, or add a global default");
        // end::validate[]
    }

    @Test
    void explainAndMatrix() {
        // tag::explain[]
        ExtensionResolution resolution = extensions.explain(TenantId.of("kr"), ShippingFee.class);
        assertThat(resolution.describe()).isEqualTo("""
                ShippingFee for tenant 'kr' (ACTIVE), chain kr -> apac -> global: \
                io.tenantkit.extension.ExtensionPointsGuideTest$PerKg (kr promotion) answers (bound to kr)
                  1. kr: io.tenantkit.extension.ExtensionPointsGuideTest$PerKg (kr promotion), priority 5
                  2. apac: io.tenantkit.extension.ExtensionPointsGuideTest$PerKg, priority 0
                  3. global: io.tenantkit.extension.ExtensionPointsGuideTest$PerKg, priority 0""");
        ResolutionMatrix matrix = extensions.matrix();   // every tenant x every point, as data
        // end::explain[]
        assertThat(resolution.answer().orElseThrow().levelName()).isEqualTo("kr");
        assertThat(resolution.candidates()).extracting(ExtensionResolution.Candidate::levelName)
                .containsExactly("kr", "apac", "global");
        assertThat(matrix.get(TenantId.of("us"), ShippingFee.class).answer().orElseThrow().levelName()).isEqualTo("global");
    }

    @Test
    void optionalPoints() {
        ExtensionRegistry registry = ExtensionRegistry.builder(tenants)
                .bind(ExtensionBinding.builder(LocalPayoutRail.class, () -> "zengin").tenants("jp").build()).build();
        ExtensionHandle<LocalPayoutRail> rails = registry.handle(LocalPayoutRail.class);
        TenantContext.runAs(us, () -> {
            // tag::optional-call[]
            LocalPayoutRail rail = rails.currentOrNull();     // null: us has none; current() would throw
            String chosen = rail == null ? "swift" : rail.rail();
            // end::optional-call[]
            assertThat(chosen).isEqualTo("swift");
        });
    }

    @Test
    void changesAtRuntime() {
        // tag::rebuild[]
        tenants.update(s -> s.with(Tenant.builder("de").build()));    // de gets the global default at once
        extensions.bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("3.00")).tenants("de").build());

        assertThatExceptionOfType(ExtensionValidationException.class)     // a tie: rejected, nothing changes
                .isThrownBy(() -> extensions.bind(ExtensionBinding.builder(ShippingFee.class, new PerKg("3.10")).tenants("de").build()));
        // end::rebuild[]
        Tenant de = tenants.require(TenantId.of("de"));
        assertThat(TenantContext.supplyAs(de, () -> extensions.handle(ShippingFee.class).current().fee(BigDecimal.ONE)))
                .isEqualByComparingTo("3.00");
    }
}
