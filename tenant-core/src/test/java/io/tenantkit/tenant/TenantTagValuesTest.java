package io.tenantkit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.Test;

class TenantTagValuesTest {

    private final TenantRegistry registry = TenantRegistry.of(Tenant.builder("jp").build(),
            Tenant.builder("ru").status(TenantStatus.SUSPENDED).build());
    private final TenantTagValues values = new TenantTagValues(registry);

    @Test
    void aKnownTenantIsItsId() {
        assertThat(values.of(registry.require(TenantId.of("jp")))).isEqualTo("jp");
        assertThat(values.of(registry.require(TenantId.of("ru")))).isEqualTo("ru");
    }

    @Test
    void aTenantTheRegistryNoLongerKnowsIsUnknown() {
        Tenant jp = registry.require(TenantId.of("jp"));
        registry.update(s -> s.without(TenantId.of("jp")));

        assertThat(values.of(jp)).isEqualTo("unknown");
    }

    @Test
    void noTenantIsNone() {
        assertThat(values.of(null)).isEqualTo("none");
        assertThat(values.ofRequested(null)).isEqualTo("none");
    }

    @Test
    void aRequestedIdIsItsOwnValueOnlyWhenTheRegistryKnowsIt() {
        assertThat(values.ofRequested(TenantId.of("ru"))).isEqualTo("ru");
        assertThat(values.ofRequested(TenantId.of("zz"))).isEqualTo("unknown");
    }
}
