package io.tenantkit.spring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tenantkit.config.ConfigDefaults;
import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.config.TenantFile;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** Binding many tenants: in slices on several threads, each tenant from its own layer, every problem reported. */
class TenantConfigurationBinderTest {

    static final int TENANTS = 6 * TenantConfigurationBinder.PARALLEL_SLICE; // 3,000: in slices on 2 or more processors

    @TenantConfigurationProperties("limits")
    record Limits(long max, String label) {
    }

    static TenantConfigStore store(int tenants, String badTenantValue) {
        List<Tenant> all = new ArrayList<>();
        Map<TenantId, TenantFile> files = new HashMap<>();
        for (int i = 0; i < tenants; i++) {
            TenantId id = TenantId.of("t" + i);
            all.add(Tenant.builder(id.value()).build());
            String max = i % 1000 == 999 ? badTenantValue : Integer.toString(i);
            files.put(id, new TenantFile(id, id + ".yml", Map.of(), Map.of(
                    "limits.max", new ConfigValue("limits.max", max, new ConfigOrigin(ConfigOrigin.OPERATOR, id.value(), id + ".yml", 1)),
                    "limits.label", new ConfigValue("limits.label", "L" + i, new ConfigOrigin(ConfigOrigin.OPERATOR, id.value(), id + ".yml", 2)))));
        }
        return new TenantConfigStore(TenantConfigGeneration.of(TenantSnapshot.of(all), files, Map.of(), ConfigDefaults.NONE));
    }

    @Test
    void thousandsOfTenantsAreEachBoundFromTheirOwnLayer() {
        TenantConfigurationBinder binder = new TenantConfigurationBinder(store(TENANTS, "999"), new StandardEnvironment(),
                List.of(Limits.class), TenantConfigValidation.NONE);
        TenantConfiguration<Limits> limits = binder.handle(Limits.class);
        for (int i = 0; i < TENANTS; i++) {
            assertThat(limits.of(TenantId.of("t" + i))).isEqualTo(new Limits(i % 1000 == 999 ? 999 : i, "L" + i));
        }
        assertThat(binder.binds()).isEqualTo(TENANTS);
    }

    @Test
    void everyProblemOfEveryTenantIsReportedInTenantOrder() {
        assertThatExceptionOfType(TenantConfigException.class)
                .isThrownBy(() -> new TenantConfigurationBinder(store(TENANTS, "lots"), new StandardEnvironment(),
                        List.of(Limits.class), TenantConfigValidation.NONE))
                .satisfies(e -> assertThat(e.problems()).extracting(TenantConfigException.Problem::tenant)
                        .containsExactly("t999", "t1999", "t2999"))
                .withMessageContaining("limits.max");
    }
}
