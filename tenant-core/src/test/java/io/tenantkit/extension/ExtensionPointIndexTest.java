package io.tenantkit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

import io.tenantkit.extension.other.Greetings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionPointIndexTest {

    @TempDir
    Path firstJar;

    @TempDir
    Path secondJar;

    @Test
    void theProcessorIndexedThePointsOfTheseTests() {
        assertThat(ExtensionPointIndex.load(getClass().getClassLoader()))
                .contains(FeePolicy.class, TestPoints.KycPolicy.class, TestPoints.PayoutRouter.class, Greetings.point())
                .doesNotContain(Fixtures.Fee.class);
    }

    @Test
    void theIndexesOfAllJarsAreMergedAndEntriesThatAreNoPointsAreSkipped() throws IOException {
        write(firstJar, "# points of one jar", "io.tenantkit.extension.TestPoints$KycPolicy", "", "  io.tenantkit.extension.FeePolicy  ");
        write(secondJar, "io.tenantkit.extension.FeePolicy", "com.example.RemovedPoint", "java.lang.Runnable",
                "io.tenantkit.extension.Fixtures$Fee");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {firstJar.toUri().toURL(), secondJar.toUri().toURL()},
                getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name);   // the two jars' indexes only, not the one of these tests
            }
        }) {
            assertThat(ExtensionPointIndex.load(loader)).containsExactly(FeePolicy.class, TestPoints.KycPolicy.class);
        }
    }

    private static void write(Path jar, String... lines) throws IOException {
        Path index = jar.resolve(ExtensionPointIndex.RESOURCE);
        Files.createDirectories(index.getParent());
        Files.write(index, List.of(lines));
    }
}
