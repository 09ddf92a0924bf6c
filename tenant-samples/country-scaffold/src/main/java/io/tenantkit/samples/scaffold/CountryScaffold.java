package io.tenantkit.samples.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.tenantkit.tenant.SafeText;

/**
 * Generates a new country module of the marketplace sample: {@code site-<id>} beside the other modules, listed
 * in their parent pom. Run from the repository root (docs/add-a-country.md):
 *
 * <pre>
 * ./mvnw -q -pl tenant-samples/country-scaffold -am compile exec:java \
 *     -Dtenant=fr -Dname=France -Dlocale=fr-FR -Dcurrency=EUR -Dtime-zone=Europe/Paris
 * </pre>
 *
 * Inputs are validated before anything is written: the tenant id by {@code TenantId}'s rules, the locale as
 * a BCP 47 tag, the currency as an ISO 4217 code, the time zone as a zone id; an error names the input and
 * the fix, and writes nothing.
 */
public final class CountryScaffold {

    private CountryScaffold() {
    }

    /**
     * Generates the module. The country comes from the system properties {@code tenant}, {@code name},
     * {@code locale}, {@code currency}, {@code time-zone} and optional {@code region} (the tenant's parent):
     * Maven's {@code -D} options. The arguments, {@code key=value} each, give {@code dir} (the directory that gets
     * {@code site-<id>}, default the working directory) and {@code version} (the sample's version, for the
     * parent pom); the scaffold's pom passes both. Exits with status 2 and the reason on bad input.
     *
     * @param args {@code dir=...} and {@code version=...}
     */
    public static void main(String[] args) {
        Map<String, String> inputs = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            inputs.put(eq < 0 ? arg : arg.substring(0, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        for (String key : Country.INPUTS) {
            String value = System.getProperty(key);
            if (value != null) {
                inputs.put(key, value);
            }
        }
        try {
            Country country = Country.of(inputs);
            Path dir = Path.of(inputs.getOrDefault("dir", "").isEmpty() ? "." : inputs.get("dir")).toAbsolutePath().normalize();
            String version = inputs.getOrDefault("version", "");
            if (version.isEmpty()) {
                throw new ScaffoldException("Missing version=<the sample's version>: run the scaffold through ./mvnw, "
                        + "which passes it: " + Country.COMMAND);
            }
            System.out.println(generate(country, dir, version));
        } catch (ScaffoldException e) {
            System.err.println("Country scaffold: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Writes the module of {@code country} to {@code dir/site-<id>} and lists it in {@code dir/pom.xml}'s
     * modules when that file exists.
     *
     * @return what was done and the next steps, for the user
     * @throws ScaffoldException if the module directory exists or a module under {@code dir} already ships
     *         the tenant's file; nothing is written then
     */
    static String generate(Country country, Path dir, String version) {
        Path module = dir.resolve(country.artifactId());
        if (Files.exists(module)) {
            throw new ScaffoldException(module + " already exists: delete it to generate it again, or choose another "
                    + "-Dtenant.");
        }
        String shipped = "src/main/resources/tenants/" + country.id() + "/tenant.yml";
        List<Path> owners = new ArrayList<>();
        try (Stream<Path> siblings = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            siblings.filter(sibling -> Files.exists(sibling.resolve(shipped))).forEach(owners::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!owners.isEmpty()) {
            throw new ScaffoldException("Tenant " + country.id() + " is already shipped by " + owners.get(0).resolve(shipped)
                    + ": two modules of one tenant must agree on every value, so extend that module instead, or choose "
                    + "another -Dtenant.");
        }
        try {
            for (Map.Entry<String, String> file : new ModuleFiles(country, version).all().entrySet()) {
                Path path = module.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            boolean listed = listModule(dir.resolve("pom.xml"), country.artifactId());
            return report(country, dir, listed);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + module + ": " + e.getMessage(), e);
        }
    }

    /** Adds {@code <module>artifactId</module>} to the modules of {@code pom}, if it exists and lists modules. */
    private static boolean listModule(Path pom, String artifactId) throws IOException {
        if (!Files.exists(pom)) {
            return false;
        }
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        int end = text.indexOf("</modules>");
        if (end < 0 || text.contains("<module>" + artifactId + "</module>")) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', end) + 1;
        String indent = text.substring(lineStart, end);
        Files.writeString(pom, text.substring(0, lineStart) + indent + "  <module>" + artifactId + "</module>\n"
                + text.substring(lineStart), StandardCharsets.UTF_8);
        return true;
    }

    private static String report(Country country, Path dir, boolean listed) {
        String id = country.id().value();
        StringBuilder stubs = new StringBuilder();
        for (Class<?> point : ExtensionStubs.POINTS) {
            stubs.append(stubs.isEmpty() ? "" : ", ").append(ExtensionStubs.className(country, point))
                    .append(ExtensionStubs.registered(point) ? "" : " (optional point: not registered)");
        }
        return "Created " + dir.resolve(country.artifactId()) + " for tenant " + id + " ("
                + SafeText.quote(country.name()) + ")" + (listed ? ", listed in " + dir.resolve("pom.xml") : "") + ":\n"
                + "  " + country.classPrefix() + "SiteModule (@TenantModule(\"" + id + "\")), stubs " + stubs
                + " answering like the defaults,\n"
                + "  tenants/" + id + "/tenant.yml, tenants/" + id + "/messages.properties, " + country.classPrefix()
                + "SiteModuleTest.\n"
                + "Next:\n"
                + "  1. Build and test it:  ./mvnw -pl tenant-samples/" + country.artifactId() + " -am verify\n"
                + "  2. Serve " + id + ": add this line to tenant-samples/marketplace-app/pom.xml's dependencies:\n"
                + "       <dependency><groupId>io.tenantkit</groupId><artifactId>" + country.artifactId()
                + "</artifactId><version>${project.version}</version><scope>runtime</scope></dependency>\n"
                + "  3. Run the app and call it:  curl -H 'X-Tenant-Id: " + id + "' localhost:8080/api/site\n"
                + "  Then give " + id + " its own rules in the stubs, configuration in tenant.yml, and translations in "
                + "messages.properties (docs/add-a-country.md).";
    }
}
