package io.tenantkit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;

class ResolutionMatrixTest {

    private static final List<Class<?>> POINTS = List.of(FeePolicy.class, TestPoints.KycPolicy.class);

    private static List<ExtensionResolution> resolutions(List<TenantId> tenants) {
        List<ExtensionResolution> out = new ArrayList<>();
        for (TenantId t : tenants) {
            for (Class<?> p : POINTS) {
                out.add(new ExtensionResolution(t, TenantStatus.ACTIVE, p, List.of(t), List.of()));
            }
        }
        return out;
    }

    @Test
    void everyCellOfAMatrixOfTenThousandTenantsIsFoundByTenantAndPoint() {
        // The actuator endpoint asks for every cell: with a scan per lookup, that was quadratic in tenants.
        List<TenantId> tenants = IntStream.range(0, 10_000).mapToObj(i -> TenantId.of("t" + i)).toList();
        List<ExtensionResolution> resolutions = resolutions(tenants);

        ResolutionMatrix matrix = new ResolutionMatrix(tenants, POINTS, resolutions);

        int cell = 0;
        for (TenantId t : tenants) {
            for (Class<?> p : POINTS) {
                assertThat(matrix.get(t, p)).isSameAs(resolutions.get(cell++));
            }
        }
        assertThat(matrix.tenants()).isEqualTo(tenants);
        assertThat(matrix.tenants().indexOf(TenantId.of("t9999"))).isEqualTo(9999);
        assertThat(matrix.points().contains(TestPoints.PayoutRouter.class)).isFalse();
    }

    @Test
    void theListsAreImmutableCopies() {
        List<TenantId> tenants = new ArrayList<>(List.of(TenantId.of("jp"), TenantId.of("us")));
        ResolutionMatrix matrix = new ResolutionMatrix(tenants, POINTS, resolutions(tenants));

        tenants.clear();

        assertThat(matrix.tenants()).containsExactly(TenantId.of("jp"), TenantId.of("us"));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> matrix.tenants().add(TenantId.of("de")));
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> matrix.points().remove(0));
    }

    @Test
    void sizesThatDoNotAgreeAreRejected() {
        List<TenantId> tenants = List.of(TenantId.of("jp"));

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new ResolutionMatrix(tenants, POINTS, List.of()))
                .withMessage("Expected 2 resolutions, got 0");
    }
}
