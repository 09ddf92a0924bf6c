package io.tenantkit.isolation;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.tenantkit.isolation.fixtures.Country;
import io.tenantkit.isolation.fixtures.Point;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The configuration example of docs/isolation.md, compiled and run on the clean fixture. */
class IsolationGuideTest {

    @Test
    void configuredRulesPassOnTheCleanFixture() {
        assertThatCode(() -> {
            // tag::plain[]
            TenantIsolation isolation = TenantIsolation.builder()
                    .moduleAnnotation(Country.class)                    // your module annotation, or its name
                    .extensionPointAnnotation(Point.class.getName())    // shared API: the packages of these
                    .apiPackages("..clean.api..")                       // ... and these
                    .regionModule("apac", "jp")                         // jp may use the apac region module
                    .allowConcurrencyIn("..clean.batch..")              // threads allowed here
                    .tenantIds("de", "fr")                              // tenants without a module, for rule 6
                    .build();
            isolation.check(new ClassFileImporter().importPackages("io.tenantkit.isolation.fixtures.clean"));
            // end::plain[]
        }).doesNotThrowAnyException();
    }
}
