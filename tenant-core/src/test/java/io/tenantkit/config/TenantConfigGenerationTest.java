package io.tenantkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantConfigGenerationTest {

    static final TenantId GLOBAL = TenantId.of("global");
    static final TenantId APAC = TenantId.of("apac");
    static final TenantId JP = TenantId.of("jp");
    static final TenantId DE = TenantId.of("de");

    static final TenantSnapshot SNAPSHOT = TenantSnapshot.of(
            Tenant.builder(GLOBAL).status(TenantStatus.INACTIVE).build(),
            Tenant.builder(APAC).parent(GLOBAL).status(TenantStatus.INACTIVE).build(),
            Tenant.builder(JP).parent(APAC).build(),
            Tenant.builder(DE).parent(GLOBAL).build());

    static final ConfigDefaults APPLICATION = key -> key.equals("marketplace.fees.rate")
            ? new ConfigValue(key, "0.05", new ConfigOrigin(ConfigOrigin.APPLICATION, null, "application.yml", 3))
            : null;

    static TenantFile file(TenantId tenant, String layer, String yaml) {
        return TenantFileReader.read(tenant, "tenants/" + tenant + "/tenant.yml", layer, new StringReader(yaml));
    }

    static TenantFile module(TenantId tenant, String yaml) {
        return file(tenant, ConfigOrigin.MODULE, yaml);
    }

    static TenantFile operator(TenantId tenant, String yaml) {
        return file(tenant, ConfigOrigin.OPERATOR, yaml);
    }

    static TenantConfigGeneration generation(Map<TenantId, TenantFile> operators) {
        return TenantConfigGeneration.of(SNAPSHOT, Map.of(
                GLOBAL, module(GLOBAL, "marketplace:\n  payout:\n    limit: 1000\n  channels: [web, app, phone]\n"),
                APAC, module(APAC, "marketplace.payout.limit: 2000\n"),
                JP, module(JP, "tenant:\n  name: Japan\nmarketplace:\n  fees:\n    rate: 0.08\n  channels: [web]\nfeatures:\n  instant-payout: true\n")),
                operators, APPLICATION);
    }

    @Test
    void eachLayerOverridesTheWeakerOnesAlongTheParentChain() {
        TenantConfigGeneration generation = generation(Map.of(APAC, operator(APAC, "marketplace.payout.limit: 3000\n")));

        assertThat(generation.value(JP, "marketplace.fees.rate")).get().extracting(ConfigValue::value).isEqualTo("0.08");
        assertThat(generation.value(DE, "marketplace.fees.rate")).get().extracting(ConfigValue::value).isEqualTo("0.05");
        assertThat(generation.value(DE, "marketplace.payout.limit")).get().extracting(ConfigValue::value).isEqualTo("1000");
        assertThat(generation.value(JP, "marketplace.payout.limit")).get().extracting(ConfigValue::value).isEqualTo("3000");
        assertThat(generation.value(JP, "missing")).isEmpty();
    }

    @Test
    void aListInAStrongerLayerReplacesTheWholeList() {
        Map<String, ConfigValue> jp = generation(Map.of()).values(JP);

        assertThat(jp).containsKey("marketplace.channels[0]").doesNotContainKeys("marketplace.channels[1]", "marketplace.channels[2]");
        assertThat(generation(Map.of()).values(DE)).containsKeys("marketplace.channels[1]", "marketplace.channels[2]");
    }

    @Test
    void theTenantBlockDeclaresAndIsNotConfiguration() {
        TenantFile jp = module(JP, "tenant:\n  name: Japan\n  attributes:\n    region: apac\nfees: 1\n");

        assertThat(jp.declaration()).containsOnlyKeys("name", "attributes.region");
        assertThat(jp.configuration()).containsOnlyKeys("fees");
    }

    @Test
    void explainListsEveryLayerStrongestFirstWithFileAndLine() {
        TenantConfigGeneration generation = generation(Map.of(JP, operator(JP, "# ops\nmarketplace.fees.rate: 0.07\n")));

        assertThat(generation.explain(JP, "marketplace.fees.rate")).extracting(v -> v.value() + " " + v.origin())
                .containsExactly("0.07 operator 'jp' tenants/jp/tenant.yml:2", "0.08 module 'jp' tenants/jp/tenant.yml:5",
                        "0.05 application application.yml:3");
        assertThat(generation.explain(DE, "marketplace.payout.limit")).extracting(v -> v.origin().tenant()).containsExactly("global");
        assertThat(generation.explain(DE, "nothing")).isEmpty();
    }

    @Test
    void featureFlagsAreOnOnlyWhereALayerSaysTrue() {
        TenantConfigGeneration generation = generation(Map.of());

        assertThat(generation.isOn(JP, "instant-payout")).isTrue();
        assertThat(generation.isOn(DE, "instant-payout")).isFalse();
        assertThat(generation.next(SNAPSHOT, Map.of(JP, operator(JP, "features.instant-payout: false\n"))).isOn(JP, "instant-payout")).isFalse();
    }

    @Test
    void aFeatureFlagThatIsNotABooleanIsRejectedWithItsPlace() {
        assertThatExceptionOfType(TenantConfigException.class)
                .isThrownBy(() -> generation(Map.of(DE, operator(DE, "features:\n  instant-payout: yes\n"))))
                .withMessageContaining("tenant 'de', property features.instant-payout (operator 'de' tenants/de/tenant.yml:2)")
                .withMessageContaining("true or false, not 'yes'");
    }

    @Test
    void theNextGenerationMergesOnlyTheTenantsReachedByAChangedFile() {
        TenantConfigGeneration first = generation(Map.of());
        TenantConfigGeneration second = first.next(SNAPSHOT, Map.of(DE, operator(DE, "marketplace.payout.limit: 9\n")));

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.values(JP)).isSameAs(first.values(JP));
        assertThat(second.changedSince(first)).containsExactly(DE);
        assertThat(second.value(DE, "marketplace.payout.limit")).get().extracting(ConfigValue::value).isEqualTo("9");

        Map<TenantId, TenantFile> removed = new HashMap<>();
        removed.put(DE, null);
        assertThat(second.next(SNAPSHOT, removed).value(DE, "marketplace.payout.limit")).get().extracting(ConfigValue::value).isEqualTo("1000");
        assertThat(first.next(SNAPSHOT, Map.of(APAC, operator(APAC, "x: 1\n"))).changedSince(first)).containsExactlyInAnyOrder(APAC, JP);
    }

    @Test
    void aFileThatIsNotYamlNamesTheFile() {
        assertThatExceptionOfType(TenantConfigException.class).isThrownBy(() -> operator(DE, "a: [\n"))
                .withMessageStartingWith("Invalid tenant configuration: tenant 'de' (operator 'de' tenants/de/tenant.yml)")
                .withMessageContaining("not valid YAML");
        assertThatExceptionOfType(TenantConfigException.class).isThrownBy(() -> operator(DE, "a.b: 1\na:\n  b: 2\n"))
                .withMessageContaining("property a.b (operator 'de' tenants/de/tenant.yml:3): the key is written twice, also on line 1");
    }

    @Test
    void theStoreSwapsWholeGenerationsAndListenersMayVeto() {
        TenantConfigStore store = new TenantConfigStore(generation(Map.of()));
        TenantConfigGeneration first = store.generation();
        store.addListener(new TenantConfigListener() {
            @Override
            public void beforeChange(TenantConfigGeneration current, TenantConfigGeneration next, Set<TenantId> changed) {
                if (next.value(DE, "veto").isPresent()) {
                    throw new IllegalStateException("vetoed");
                }
            }

            @Override
            public void afterChange(TenantConfigGeneration previous, TenantConfigGeneration current, Set<TenantId> changed) {
            }
        });

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> store.update(g -> g.next(SNAPSHOT, Map.of(DE, operator(DE, "veto: 1\n")))));
        assertThat(store.generation()).isSameAs(first);
        assertThat(store.update(g -> g.next(SNAPSHOT, Map.of(DE, operator(DE, "a: 1\n"))))).containsExactly(DE);
        assertThat(store.generation().number()).isEqualTo(2);
    }

    @Test
    void theCurrentTenantsFlagFailsClosedWithoutATenant() {
        TenantConfigStore store = new TenantConfigStore(generation(Map.of()));

        assertThatExceptionOfType(MissingTenantException.class).isThrownBy(() -> store.isOn("instant-payout"));
        assertThat(TenantContext.supplyAs(SNAPSHOT.require(JP), () -> store.isOn("instant-payout"))).isTrue();
    }
}
