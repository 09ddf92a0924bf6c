package io.tenantkit.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TenantsEndpointTests {

    private final TenantRegistry registry = TenantRegistry.of(Tenant.builder("jp").build(), Tenant.builder("us").build());

    @Test
    void twoContributorsWithTheSameNameAreRejectedNamingBoth() {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> new TenantsEndpoint(registry, List.of(new Matrix(), new OtherMatrix())))
                .withMessage("Two TenantEndpointContributor beans use the name 'resolution': "
                        + Matrix.class.getName() + " and " + OtherMatrix.class.getName() + ". Give each a unique name().");
    }

    @Test
    void aContributorAnsweringNullAddsNothing() {
        TenantsEndpoint endpoint = new TenantsEndpoint(registry, List.of(new Matrix()));

        assertThat(endpoint.tenants().details()).containsOnlyKeys("resolution");
        assertThat(endpoint.tenant("jp").details()).isEmpty();
    }

    @Test
    void eachReadShowsTheCurrentSnapshot() {
        TenantsEndpoint endpoint = new TenantsEndpoint(registry, List.of());
        registry.update(s -> s.with(Tenant.builder("de").build()));

        assertThat(endpoint.tenants().tenants()).extracting(TenantDescriptor::id).containsExactly("jp", "us", "de");
        assertThat(endpoint.tenant("de")).isNotNull();
        assertThat(endpoint.tenant("fr")).isNull();
        assertThat(endpoint.tenant("../de")).isNull();
    }

    static class Matrix implements TenantEndpointContributor {

        @Override
        public String name() {
            return "resolution";
        }

        @Override
        public @Nullable Object contribute(TenantSnapshot snapshot) {
            return snapshot.size();
        }
    }

    static class OtherMatrix extends Matrix {
    }
}
