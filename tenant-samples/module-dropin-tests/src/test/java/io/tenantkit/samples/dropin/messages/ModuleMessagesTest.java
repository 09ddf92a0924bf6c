package io.tenantkit.samples.dropin.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.util.ClassUtils;

/**
 * A tenant module ships its message bundle in its jar: with site-jp on the classpath, jp's greeting
 * comes from {@code tenants/jp/messages.properties} inside that jar. {@link WithoutSiteJpTest} runs the
 * same app without the jar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.messages.basename=dropin-shared-messages")
class ModuleMessagesTest {

    static final String BUNDLE = "tenants/jp/messages.properties";

    @Autowired
    MessageSource messages;

    @Autowired
    TenantRegistry tenants;

    @Test
    void jpsBundleIsTheOneInTheSiteJpJar() throws Exception {
        String siteJp = ClassUtils.forName("io.tenantkit.samples.site.jp.JpSiteModule", null)
                .getProtectionDomain().getCodeSource().getLocation().toString();

        List<URL> bundles = Collections.list(getClass().getClassLoader().getResources(BUNDLE));

        assertThat(bundles).singleElement().satisfies(bundle -> assertThat(bundle.toString()).contains(siteJp));
    }

    @Test
    void jpGreetsInJapaneseFromItsModulesBundle() {
        assertThat(greeting("jp", "Japan", Locale.JAPAN)).isEqualTo("Japanマーケットプレイスへようこそ");
    }

    @Test
    void aSiteWithoutModuleGetsTheSharedGreeting() {
        assertThat(greeting("de", "Germany", Locale.GERMANY)).isEqualTo("Welcome to the Germany marketplace");
    }

    private String greeting(String tenant, String name, Locale locale) {
        return TenantContext.supplyAs(tenants.require(TenantId.of(tenant)),
                () -> messages.getMessage("site.greeting", new Object[] {name}, locale));
    }
}
