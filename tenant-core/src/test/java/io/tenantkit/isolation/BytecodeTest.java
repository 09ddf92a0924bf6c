package io.tenantkit.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.tenantkit.context.TenantContext;
import io.tenantkit.isolation.fixtures.leaky.Checkout;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The class-file walker behind rules 5 and 6. */
class BytecodeTest {

    @Test
    void readsTheStringsAndCallsOfEachMethodThroughSwitches() {
        List<Bytecode.Method> methods = Bytecode.methodsOf(new ClassFileImporter().importClass(Checkout.class));
        Bytecode.Method payoutRail = methods.stream().filter(m -> m.name().equals("payoutRail")).findFirst().orElseThrow();
        assertThat(payoutRail.strings()).containsExactlyInAnyOrder("us", "ach", "swift");
        assertThat(payoutRail.invoked()).contains("io.tenantkit.context.TenantContext#require",
                "java.lang.String#hashCode", "java.lang.String#equals");
    }

    @Test
    void walksEveryClassFileOfTenantKitAndOfTheRunningJdk() throws Exception {
        Path mainClasses = Path.of(TenantContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path testClasses = Path.of(Checkout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int methods = 0;
        for (Path root : List.of(mainClasses, testClasses)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    methods += Bytecode.parse(Files.readAllBytes(file)).size();
                }
            }
        }
        for (String jdk : List.of("java/util/concurrent/ConcurrentHashMap", "java/util/concurrent/ForkJoinPool",
                "java/lang/String", "java/lang/Character", "java/util/regex/Pattern")) {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(jdk + ".class")) {
                methods += Bytecode.parse(in.readAllBytes()).size();
            }
        }
        assertThat(methods).isGreaterThan(1000);
    }

    @Test
    void namesTheMethodALambdaBelongsTo() {
        assertThat(new Bytecode.Method("lambda$fee$0", "()V", Set.of(), Set.of()).sourceName()).isEqualTo("fee");
    }
}
