package io.tenantkit.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;

import io.tenantkit.isolation.fixtures.leaky.sites.jp.JpFees;
import io.tenantkit.isolation.fixtures.leaky.sites.jp.JpModule;
import io.tenantkit.isolation.fixtures.leaky.sites.us.UsFees;
import io.tenantkit.isolation.fixtures.leaky.sites.us.UsLeak;
import io.tenantkit.isolation.fixtures.leaky.sites.us.UsModule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/** Freezing the violations a code base has today: they pass, a new one fails (docs/isolation.md, "Freeze and burn down"). */
class FreezingTest {

    @TempDir
    Path store;

    @AfterEach
    void resetConfiguration() {
        ArchConfiguration.get().reset();
    }

    @Test
    void frozenViolationsPassAndOnlyANewOneFails() {
        ArchConfiguration.get().setProperty("freeze.store.default.path", store.toString());
        ArchConfiguration.get().setProperty("freeze.store.default.allowStoreCreation", "true");
        ArchRule frozen = FreezingArchRule.freeze(TenantIsolationTest.RULES.tenantModulesDoNotDependOnEachOther());
        JavaClasses today = new ClassFileImporter().importClasses(JpModule.class, JpFees.class, UsModule.class, UsFees.class);

        assertThatCode(() -> frozen.check(today)).doesNotThrowAnyException();     // records JpFees -> UsFees
        assertThatCode(() -> frozen.check(today)).doesNotThrowAnyException();
        assertThat(store.resolve("stored.rules")).exists();

        JavaClasses tomorrow = new ClassFileImporter().importClasses(JpModule.class, JpFees.class, UsModule.class,
                UsFees.class, UsLeak.class);
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> frozen.check(tomorrow))
                .withMessageContaining(UsLeak.class.getName() + " (tenant module 'us') depends on " + JpModule.class.getName())
                .withMessageNotContaining(JpFees.class.getName() + " (tenant module 'jp')");
    }
}
