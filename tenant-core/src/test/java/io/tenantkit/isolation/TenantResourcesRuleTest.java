package io.tenantkit.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

import io.tenantkit.isolation.fixtures.leaky.sites.jp.JpModule;
import io.tenantkit.isolation.fixtures.leaky.sites.us.UsModule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

/** Rule 7 on real code sources: module classes in a class folder and in a jar of their own, with their resources. */
class TenantResourcesRuleTest {

    private static final String PKG = "io.tenantkit.isolation.fixtures.leaky.sites.";
    private static final ArchRule RULE = TenantIsolationTest.RULES.tenantResourcesNameOnlyOwnTenants();

    @TempDir
    Path dir;

    /**
     * A code source of its own for a module: the compiled module class of the {@code leaky} fixture
     * ({@code @Country("jp")} or {@code @Country("us")}) copied into a fresh folder, with {@code resources}.
     */
    private Path module(Class<?> moduleClass, String... resources) throws Exception {
        Path testClasses = Path.of(moduleClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        String classFile = moduleClass.getName().replace('.', '/') + ".class";
        Path root = dir.resolve(moduleClass.getSimpleName());
        Files.createDirectories(root.resolve(classFile).getParent());
        Files.copy(testClasses.resolve(classFile), root.resolve(classFile));
        for (String resource : resources) {
            JavaSources.resource(root, resource, "greeting=hello\n");
        }
        return root;
    }

    private static JavaClasses importRoots(Path... roots) {
        return new ClassFileImporter().importLocations(Set.of(roots).stream().map(TenantResourcesRuleTest::location).toList());
    }

    private static Location location(Path root) {
        if (!root.toString().endsWith(".jar")) {
            return Location.of(root);
        }
        try (JarFile jar = new JarFile(root.toFile())) {
            return Location.of(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void moduleFolderShippingAnotherTenantsMessagesFails() throws Exception {
        Path jp = module(JpModule.class, "tenants/jp/messages.properties", "tenants/us/messages.properties",
                "tenants/us/messages_en.properties");
        List<String> violations = TenantIsolationTest.violations(RULE, importRoots(jp));
        assertThat(violations).singleElement().satisfies(v -> assertThat(v).isEqualTo(PKG + "jp.JpModule (tenant "
                + "module 'jp') ships resources of tenant 'us' in its code source " + jp.toUri() + ": "
                + "tenants/us/messages.properties, tenants/us/messages_en.properties. A module carries only its own "
                + "tenants' files (tenants/jp/): move them to the 'us' module, or to the application's resources"));
    }

    @Test
    void moduleJarShippingAnotherTenantsConfigFailsAndOwnFilesPass() throws Exception {
        Path us = JavaSources.jar(module(UsModule.class, "tenants/us/tenant.yml", "tenants/de/tenant.yml"), dir.resolve("us.jar"));
        Path jp = module(JpModule.class, "tenants/jp/messages.properties");
        List<String> violations = TenantIsolationTest.violations(RULE, importRoots(us, jp));
        assertThat(violations).singleElement().satisfies(v -> assertThat(v)
                .startsWith(PKG + "us.UsModule (tenant module 'us') ships resources of tenant 'de' in its code source jar:")
                .contains("us.jar!/: tenants/de/tenant.yml."));
    }

    @Test
    void modulesWithOnlyTheirOwnResourcesPass() throws Exception {
        Path us = JavaSources.jar(module(UsModule.class, "tenants/us/tenant.yml"), dir.resolve("us.jar"));
        Path jp = module(JpModule.class, "tenants/jp/messages.properties", "application.yml");
        assertThat(TenantIsolationTest.violations(RULE, importRoots(us, jp))).isEmpty();
    }
}
