package io.tenantkit.samples.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.marketplace.api.PayoutRouter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionStubsTest {

    private static final Country FR = Country.of(Map.of("tenant", "fr", "name", "France", "locale", "fr-FR",
            "currency", "EUR", "time-zone", "Europe/Paris"));

    @Test
    void aStubForwardsEveryAbstractMethodToTheImplementationBehindIt() {
        assertThat(ExtensionStubs.source(FR, FeePolicy.class)).contains("""
                final class FrFeePolicy implements FeePolicy {

                    private final ExtensionHandle<FeePolicy> chain;

                    FrFeePolicy(ExtensionHandle<FeePolicy> chain) {
                        this.chain = chain;
                    }

                    @Override
                    public BigDecimal fee(BigDecimal amount) {
                        return Defaults.after(this, chain).fee(amount);
                    }
                }
                """).contains("import java.math.BigDecimal;\n\nimport io.tenantkit.extension.ExtensionHandle;\n"
                + "import io.tenantkit.samples.marketplace.api.FeePolicy;\n");
    }

    @Test
    void genericVarargsAndThrowingMethodsKeepTheirSignatures() {
        String source = ExtensionStubs.source(FR, ExoticPoint.class);

        assertThat(source).contains(
                "    public <T extends Comparable<T>> T max(List<? extends T> values) throws IOException {\n"
                        + "        return Defaults.after(this, chain).max(values);\n",
                "    public void log(String format, Object... arguments) {\n        Defaults.after(this, chain).log(format, arguments);\n",
                "    public Map<String, int[]> table() {\n",
                "import java.io.IOException;\nimport java.util.List;\nimport java.util.Map;\n")
                .doesNotContain("label()");
    }

    @Test
    void theStubsCompileWithTheModulesDefaults(@TempDir Path temp) throws IOException {
        Map<String, String> files = new ModuleFiles(FR, "1").all();
        Path sources = Files.createDirectories(temp.resolve("src"));
        Path stub = sources.resolve("FrExoticPoint.java");
        Files.writeString(stub, ExtensionStubs.source(FR, ExoticPoint.class));
        Path defaults = sources.resolve("Defaults.java");
        Files.writeString(defaults, files.get("src/main/java/io/tenantkit/samples/site/fr/Defaults.java"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-proc:none", "-Xlint:all", "-Werror", "-d", temp.resolve("out").toString(),
                "-classpath", System.getProperty("java.class.path"), stub.toString(), defaults.toString());

        assertThat(status).isZero();
    }

    @Test
    void onlyRequiredPointsAreRegistered() {
        assertThat(ExtensionStubs.registered(FeePolicy.class)).isTrue();
        assertThat(ExtensionStubs.registered(PayoutRouter.class)).isFalse();
        assertThat(ExtensionStubs.source(FR, PayoutRouter.class)).contains("Not registered yet: {@code PayoutRouter} is\n"
                + " * optional, so fr gets none until you give this class its own answer");
    }

    @Test
    void onlyExtensionPointsGetStubs() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExtensionStubs.source(FR, Runnable.class))
                .withMessage("java.lang.Runnable is not an @ExtensionPoint interface: list only extension points in "
                        + "ExtensionStubs.POINTS.");
        assertThatIllegalArgumentException().isThrownBy(() -> ExtensionStubs.source(FR, List.class))
                .withMessageContaining("is not an @ExtensionPoint");
    }
}
