package io.tenantkit.samples.dropin.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;

/**
 * The app of {@link ModuleMessagesTest} without the site-jp jar: jp has no bundle of its own any more
 * and gets the shared greeting. Named like the drop-in test of the same case, so that the
 * {@code without-site-jp} surefire execution, which runs every {@code WithoutSiteJpTest} with the jar
 * taken off the classpath, runs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.messages.basename=dropin-shared-messages")
class WithoutSiteJpTest {

    @Autowired
    MessageSource messages;

    @Autowired
    TenantRegistry tenants;

    @Test
    void jpHasNoBundleWithoutTheSiteJpJar() {
        assertThat(getClass().getClassLoader().getResource(ModuleMessagesTest.BUNDLE)).isNull();
    }

    @Test
    void jpFallsBackToTheSharedGreeting() {
        String greeting = TenantContext.supplyAs(tenants.require(TenantId.of("jp")),
                () -> messages.getMessage("site.greeting", new Object[] {"Japan"}, Locale.JAPAN));

        assertThat(greeting).isEqualTo("Welcome to the Japan marketplace");
    }
}
