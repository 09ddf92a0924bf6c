package io.tenantkit.samples.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.tenantkit.isolation.TenantIsolationRules;
import io.tenantkit.samples.marketplace.api.FeePolicy;
import io.tenantkit.samples.site.jp.JpSiteModule;
import io.tenantkit.samples.site.us.UsSiteModule;
import io.tenantkit.spring.extension.TenantModule;
import io.tenantkit.tenant.TenantId;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaffold end to end, as docs/add-a-country.md walks it: generate {@code fr} into a temporary directory,
 * translate its greeting, build the module with Maven against this build's artifacts (its own test included),
 * then start marketplace-app's executable jar with the module's jar added to its class path and see {@code fr}
 * answer over HTTP with its own values. The isolation rules check the generated module beside the sample's.
 *
 * <p>The module is built offline with a private local repository under the temporary directory, which holds
 * only this build's tenant-core, tenant-spring-starter, marketplace-api and their parent poms and reads
 * everything else from the shared one ({@code maven.repo.local.tail}): nothing is installed into the shared
 * repository.
 */
class CountryRoundTripTest {

    private static final String VERSION = System.getProperty("tenantkit.version", "");
    private static final Path ROOT = Path.of(System.getProperty("tenantkit.root", "../..")).toAbsolutePath().normalize();
    private static final Path SHARED_REPOSITORY = Path.of(System.getProperty("tenantkit.local-repository",
            System.getProperty("user.home") + "/.m2/repository"));
    private static final Pattern PORT = Pattern.compile("started on port[^0-9]*(\\d+)");

    @TempDir
    Path temp;

    @Test
    void aGeneratedCountryBuildsAndAnswersInTheAppOnceItsJarIsOnTheClassPath() throws Exception {
        Path app = ROOT.resolve("tenant-samples/marketplace-app/target/marketplace-app-" + VERSION + ".jar");
        assertThat(app).as("marketplace-app's executable jar: build it in the same run, "
                + "./mvnw -pl tenant-samples/country-scaffold -am verify").isRegularFile();

        Path samples = Files.createDirectories(temp.resolve("tenant-samples"));
        CountryScaffold.generate(Country.of(Map.of("tenant", "fr", "name", "France", "locale", "fr-FR", "currency", "EUR",
                "time-zone", "Europe/Paris")), samples, VERSION);
        Path module = samples.resolve("site-fr");
        Files.writeString(module.resolve("src/main/resources/tenants/fr/messages.properties"),
                "site.greeting=Bienvenue sur la place de march\\u00e9 {0}\n");

        build(module);
        assertThat(module.resolve("target/surefire-reports/TEST-io.tenantkit.samples.site.fr.FrSiteModuleTest.xml"))
                .content().contains("tests=\"3\"", "failures=\"0\"", "errors=\"0\"", "skipped=\"0\"");
        Path jar = module.resolve("target/site-fr-" + VERSION + ".jar");
        TenantIsolationRules.ALL.check(classes(jar, codeSource(FeePolicy.class), codeSource(JpSiteModule.class),
                codeSource(UsSiteModule.class)));

        try (RunningApp running = RunningApp.start(app, jar, Files.createDirectories(temp.resolve("app")))) {
            String fr = running.get("/api/site", "fr");
            assertThat(fr).contains("\"tenant\":\"fr\"", "\"name\":\"France\"", "\"locale\":\"fr-FR\"", "\"currency\":\"EUR\"",
                    "\"timeZone\":\"Europe/Paris\"", "\"sampleAmount\":\"12\u202f345,68\u00a0€\"", "\"greeting\":\"Bienvenue sur la place de marché France\"",
                    // the stubs answer like the defaults: 5% of 12,345.675, the default documents, no local rail
                    "\"merchantFee\":\"617,28\u00a0€\"", "\"kycDocuments\":[\"government-id\",\"bank-statement\"]",
                    "\"payoutRail\":\"international-wire\"");
            assertThat(running.get("/actuator/tenants/fr", null)).contains("io.tenantkit.samples.site.fr.FrFeePolicy",
                    "io.tenantkit.samples.site.fr.FrKycPolicy");
            assertThat(running.get("/api/site", "jp")).contains("\"tenant\":\"jp\"", "\"payoutRail\":\"zengin\"");
        }
    }

    /** Runs {@code ./mvnw -o verify} on the module with a private local repository seeded with this build's artifacts. */
    private void build(Path module) throws Exception {
        Path repository = temp.resolve("repository");
        seed(repository, "tenantkit-parent", ROOT.resolve("pom.xml"), null);
        seed(repository, "tenant-samples", ROOT.resolve("tenant-samples/pom.xml"), null);
        for (Class<?> type : List.of(TenantId.class, TenantModule.class, FeePolicy.class)) {
            Path location = codeSource(type);
            Path moduleDir = location.getParent().getParent();
            seed(repository, moduleDir.getFileName().toString(), moduleDir.resolve("pom.xml"), location);
        }
        Path log = temp.resolve("build.log");
        String wrapper = ROOT.resolve(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw").toString();
        // Short-lived JVMs: the C1 compiler alone starts Maven and the forked test JVM faster.
        ProcessBuilder maven = new ProcessBuilder(wrapper, "-B", "-o", "-f", module.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + SHARED_REPOSITORY,
                "-DargLine=-XX:TieredStopAtLevel=1", "verify")
                .directory(module.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        maven.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1");
        Process process = maven.start();
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done && process.exitValue() == 0).as("the generated module's build failed:%n%s", tail(log)).isTrue();
    }

    private static JavaClasses classes(Path... jarsOrDirectories) throws IOException {
        List<Location> locations = new ArrayList<>();
        for (Path path : jarsOrDirectories) {
            locations.add(Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile())));
        }
        return new ClassFileImporter().importLocations(locations);
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Installs a module by copying, as {@code mvn install} would, into {@code repository} only. */
    private static void seed(Path repository, String artifactId, Path pom, Path classes) throws IOException {
        Path dir = Files.createDirectories(repository.resolve("io/tenantkit/" + artifactId + "/" + VERSION));
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"));
        if (classes == null) {
            return;
        }
        Path jar = dir.resolve(artifactId + "-" + VERSION + ".jar");
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, jar);
            return;
        }
        // classes of an IDE run, not yet packaged
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** marketplace-app's executable jar in its own JVM, with the module's jar added through {@code loader.path}. */
    private static final class RunningApp implements AutoCloseable {

        private final Process process;
        private final List<String> output;
        private final int port;
        private final HttpClient http = HttpClient.newHttpClient();

        private RunningApp(Process process, List<String> output, int port) {
            this.process = process;
            this.output = output;
            this.port = port;
        }

        static RunningApp start(Path app, Path module, Path workingDir) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Dloader.path=" + module, "-cp", app.toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher", "--server.port=0")
                    .directory(workingDir.toFile()).redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        synchronized (output) {
                            output.add(line);
                        }
                        Matcher matcher = PORT.matcher(line);
                        if (matcher.find()) {
                            port.complete(Integer.parseInt(matcher.group(1)));
                        }
                    }
                } catch (IOException e) {
                    port.completeExceptionally(e);
                }
                port.complete(-1);
            }, "site-fr-app-output");
            reader.setDaemon(true);
            reader.start();
            RunningApp running;
            try {
                running = new RunningApp(process, output, port.get(5, TimeUnit.MINUTES));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new AssertionError("the app did not start: " + e + "\n" + String.join("\n", output), e);
            }
            assertThat(running.port).as("the app stopped before listening:%n%s", running.output()).isPositive();
            return running;
        }

        String get(String path, String tenant) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (tenant != null) {
                request.header("X-Tenant-Id", tenant);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("GET %s for %s: %s%n%s", path, tenant, response.body(), output()).isEqualTo(200);
            return response.body();
        }

        private String output() {
            synchronized (output) {
                return String.join("\n", output);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
