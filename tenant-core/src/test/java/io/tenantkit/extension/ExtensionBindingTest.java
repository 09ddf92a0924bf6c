package io.tenantkit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import io.tenantkit.extension.TestPoints.KycPolicy;
import io.tenantkit.extension.TestPoints.PayoutRouter;
import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.TenantId;

import org.junit.jupiter.api.Test;

class ExtensionBindingTest {

    @Test
    void aBindingWithoutTenantsIsTheGlobalDefault() {
        ExtensionBinding<FeePolicy> binding = ExtensionBinding.builder(FeePolicy.class, Fixtures.fee("default", 10)).build();

        assertThat(binding.isGlobal()).isTrue();
        assertThat(binding.tenants()).isEmpty();
        assertThat(binding.priority()).isZero();
        assertThat(binding.source()).isNull();
        assertThat(binding).hasToString("ExtensionBinding[FeePolicy -> io.tenantkit.extension.Fixtures$Fee, global, priority 0]");
    }

    @Test
    void tenantIdsAreValidated() {
        assertThatExceptionOfType(InvalidTenantIdException.class)
                .isThrownBy(() -> ExtensionBinding.builder(FeePolicy.class, Fixtures.fee("x", 1)).tenants("JP").build());
    }

    @Test
    void onlyAnnotatedInterfacesCanBeBound() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> ExtensionBinding.builder(Runnable.class, () -> { }).build())
                .withMessage("java.lang.Runnable is not an extension point: extension points are interfaces annotated "
                        + "@io.tenantkit.extension.ExtensionPoint; annotate it or use such an interface.");
    }

    @Test
    void theImplementationMustImplementThePoint() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> point = (Class) FeePolicy.class;

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> ExtensionBinding.builder(point, "not a fee policy").build())
                .withMessage("java.lang.String does not implement extension point io.tenantkit.extension.FeePolicy; "
                        + "bind an instance of the point.");
    }

    @Test
    void annotatedBindsEveryPointTheClassImplements() {
        List<ExtensionBinding<?>> bindings = ExtensionBinding.annotated(new JpKycAndPayout()).build();

        assertThat(bindings.stream().<Class<?>>map(ExtensionBinding::point).toList()).containsExactlyInAnyOrder(KycPolicy.class, PayoutRouter.class);
        assertThat(bindings).allSatisfy(b -> {
            assertThat(b.tenants()).containsExactly(TenantId.of("jp"));
            assertThat(b.priority()).isEqualTo(3);
        });
    }

    @Test
    void annotationTenantsOverrideTheModuleTenantsAndAnUnannotatedClassTakesThem() {
        List<TenantId> module = List.of(TenantId.of("us"));

        assertThat(ExtensionBinding.annotated(new JpKycAndPayout()).defaultTenants(module).source("module us").build())
                .allSatisfy(b -> assertThat(b.tenants()).containsExactly(TenantId.of("jp")));
        assertThat(ExtensionBinding.annotated(Fixtures.fee("plain", 1)).implementationType(Fixtures.Fee.class).defaultTenants(module)
                .source("module us").build())
                .singleElement().satisfies(b -> {
                    assertThat(b.tenants()).containsExactly(TenantId.of("us"));
                    assertThat(b.describe()).isEqualTo("io.tenantkit.extension.Fixtures$Fee (module us)");
                });
    }

    @Test
    void aClassImplementingNoPointCannotBeBoundByAnnotation() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ExtensionBinding.annotated("text").build())
                .withMessage("java.lang.String implements no interface annotated @ExtensionPoint, so it cannot be bound as an extension.");
    }

    @Test
    void pointsAreFoundThroughSuperclassesAndSuperinterfaces() {
        assertThat(ExtensionPointIndex.implementedBy(SubFee.class)).containsExactly(FeePolicy.class);
        assertThat(ExtensionPointIndex.implementedBy(String.class)).isEmpty();
    }

    @Extension(tenants = "jp", priority = 3)
    static final class JpKycAndPayout extends Fixtures.Kyc implements PayoutRouter {
        JpKycAndPayout() {
            super(null, "my-number");
        }

        @Override
        public String bank() {
            return "MUFG";
        }
    }

    static final class SubFee extends Fixtures.Fee {
        SubFee() {
            super("sub", 1);
        }
    }
}
