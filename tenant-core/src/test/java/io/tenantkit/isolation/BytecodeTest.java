package io.tenantkit.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tenantkit.isolation.fixtures.leaky.Checkout;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
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
    void walksEveryClassOfTenantKitAndItsJdkDependencies() {
        JavaClasses tenantKit = new ClassFileImporter().importPackages("io.tenantkit");
        JavaClasses jdk = new ClassFileImporter().importClasses(java.util.concurrent.ConcurrentHashMap.class,
                java.util.concurrent.ForkJoinPool.class, String.class, Character.class);
        int methods = 0;
        for (JavaClass c : (Iterable<JavaClass>) () -> java.util.stream.Stream.concat(tenantKit.stream(), jdk.stream()).iterator()) {
            methods += Bytecode.methodsOf(c).size();
        }
        assertThat(methods).isGreaterThan(1000);
    }

    @Test
    void namesTheMethodALambdaBelongsTo() {
        assertThat(new Bytecode.Method("lambda$fee$0", "()V", java.util.Set.of(), java.util.Set.of()).sourceName())
                .isEqualTo("fee");
    }
}
