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
        ExtensionBinding<FeePolicy> binding = ExtensionBinding.global(FeePolicy.class, Fixtures.fee("default", 10));

        assertThat(binding.isGlobal()).isTrue();
        assertThat(binding.tenants()).isEmpty();
        assertThat(binding.priority()).isZero();
        assertThat(binding.source()).isNull();
        assertThat(binding).hasToString("ExtensionBinding[FeePolicy -> io.tenantkit.extension.Fixtures$Fee, global, priority 0]");
    }

    @Test
    void tenantIdsAreValidated() {
        assertThatExceptionOfType(InvalidTenantIdException.class)
                .isThrownBy(() -> ExtensionBinding.to(FeePolicy.class, Fixtures.fee("x", 1), "JP"));
    }

    @Test
    void onlyAnnotatedInterfacesCanBeBound() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> ExtensionBinding.global(Runnable.class, () -> { }))
                .withMessage("java.lang.Runnable is not an extension point: extension points are interfaces annotated "
                        + "@io.tenantkit.extension.ExtensionPoint; annotate it or bind to such an interface.");
    }

    @Test
    void theImplementationMustImplementThePoint() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> point = (Class) FeePolicy.class;

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> ExtensionBinding.global(point, "not a fee policy"))
                .withMessage("java.lang.String does not implement extension point io.tenantkit.extension.FeePolicy; "
                        + "bind an instance of the point.");
    }

    @Test
    void annotatedBindsEveryPointTheClassImplements() {
        List<ExtensionBinding<?>> bindings = ExtensionBinding.annotated(new JpKycAndPayout());

        assertThat(bindings.stream().<Class<?>>map(ExtensionBinding::point).toList()).containsExactlyInAnyOrder(KycPolicy.class, PayoutRouter.class);
        assertThat(bindings).allSatisfy(b -> {
            assertThat(b.tenants()).containsExactly(TenantId.of("jp"));
            assertThat(b.priority()).isEqualTo(3);
        });
    }

    @Test
    void annotationTenantsOverrideTheModuleTenantsAndAnUnannotatedClassTakesThem() {
        List<TenantId> module = List.of(TenantId.of("us"));

        assertThat(ExtensionBinding.annotated(new JpKycAndPayout(), JpKycAndPayout.class, module, "module us"))
                .allSatisfy(b -> assertThat(b.tenants()).containsExactly(TenantId.of("jp")));
        assertThat(ExtensionBinding.annotated(Fixtures.fee("plain", 1), Fixtures.Fee.class, module, "module us"))
                .singleElement().satisfies(b -> {
                    assertThat(b.tenants()).containsExactly(TenantId.of("us"));
                    assertThat(b.describe()).isEqualTo("io.tenantkit.extension.Fixtures$Fee (module us)");
                });
    }

    @Test
    void aClassImplementingNoPointCannotBeBoundByAnnotation() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> ExtensionBinding.annotated("text"))
                .withMessage("java.lang.String implements no interface annotated @ExtensionPoint, so it cannot be bound as an extension.");
    }

    @Test
    void pointsAreFoundThroughSuperclassesAndSuperinterfaces() {
        assertThat(ExtensionBinding.pointsOf(SubFee.class)).containsExactly(FeePolicy.class);
        assertThat(ExtensionBinding.pointsOf(String.class)).isEmpty();
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
