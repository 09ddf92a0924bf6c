package io.tenantkit.samples.sitebr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Supplier;

import io.tenantkit.context.TenantContext;
import io.tenantkit.extension.ExtensionHandle;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.KycPolicy;
import io.tenantkit.samples.marketplace.api.PayoutChannel;
import io.tenantkit.samples.marketplace.api.Tax;
import io.tenantkit.samples.marketplace.api.TaxPolicy;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

/**
 * br is served because the site-br module (BrSiteModule, tenants/br/tenant.yml, tenants/br/messages.properties)
 * is on the class path: the app declares its tenants in application.properties, none of them br, and nothing
 * shared names br.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.messages.basename=dropin-shared-messages")
class BrDropInTest {

    @SpringBootApplication
    static class App {
    }

    @Autowired
    TenantRegistry tenants;

    @Autowired
    FeePolicy fees;

    @Autowired
    KycPolicy kyc;

    @Autowired
    MessageSource messages;

    @Autowired
    TaxPolicy taxes;

    @Autowired
    ExtensionHandle<PayoutChannel> channels;

    private <V> V as(String tenant, Supplier<V> call) {
        return TenantContext.supplyAs(tenants.require(TenantId.of(tenant)), call);
    }

    @Test
    void theBrModuleDeclaresBrFromItsTenantFile() {
        assertThat(tenants.require(TenantId.of("br")).name()).isEqualTo("Brasil");
        assertThat(tenants.require(TenantId.of("br")).currency()).hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo("BRL"));
        assertThat(tenants.all()).extracting(t -> t.id().value()).contains("de", "br", "jp", "us", "apac");
    }

    @Test
    void brIsAnsweredByItsModuleWithItsConfiguredRate() {
        assertThat(as("br", () -> fees.fee(new BigDecimal("100.00")))).isEqualByComparingTo("4.50");
        assertThat(as("br", kyc::requiredDocuments)).containsExactly("cnpj-card", "contrato-social");
        assertThat(as("de", () -> fees.fee(new BigDecimal("100.00")))).isEqualByComparingTo("5.00");
    }

    @Test
    void whatTheBrModuleLeavesOutComesFromTheGlobalDefaults() {
        // No TaxPolicy and no PayoutChannel in site-br: no platform-collected tax, and the international wire only.
        assertThat(as("br", () -> taxes.tax(new BigDecimal("100.00")))).isEqualTo(new Tax("none", BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(as("br", () -> channels.all())).extracting(PayoutChannel::name).containsExactly("international-wire");
        assertThat(as("jp", () -> channels.all())).extracting(PayoutChannel::name).containsExactly("zengin", "international-wire");
    }

    @Test
    void brSpeaksFromItsOwnMessages() {
        assertThat(as("br", () -> messages.getMessage("site.greeting", new Object[] {"Brasil"}, Locale.forLanguageTag("pt-BR"))))
                .isEqualTo("Bem-vindo ao Brasil");
    }
}
